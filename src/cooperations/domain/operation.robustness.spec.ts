import fc from 'fast-check';
import type { Actor } from './actor';
import { decide } from './engine';
import { EVENT_TYPES } from './phases';
import { COORD_HEEK, COORD_SCHOEPPINGEN, HEEK } from '../../../test/fixtures/building-yard.scenario';
import { BOARD_AHAUS, BOARD_LEGDEN } from '../../../test/fixtures/operation-phase.scenario';
import { activeAt, exitRequest } from '../../../test/fixtures/operation-setup';
import { SYSTEM_ACTOR } from './timers';

describe('robustness in the operation phase', () => {
  it('never throws, whatever the event, actor and payload (property)', () => {
    const run = activeAt('2030-12-01T08:00:00Z'); // overdue reports, open cases
    run.send(
      COORD_SCHOEPPINGEN,
      exitRequest({ formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2030-11-30' } }),
    );
    const states = [run.state];
    const caseId = run.state.context.escalation.cases[0].id;
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(caseId),
      fc.constant('2030-Q3'),
      fc.constant(HEEK.ags),
      fc.array(fc.anything(), { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom('indicator', 'value', 'numerator', 'denominator', 'it', 'authority'),
        fc.anything(),
      ),
    );
    const fields = fc.dictionary(
      fc.constantFrom(
        'period',
        'narrative',
        'values',
        'reporter',
        'caseId',
        'decision',
        'reason',
        'reasons',
        'exitPlan',
        'formSpecificStep',
        'escalationCaseId',
        'conflictProcedureNotApplicable',
        'dueAt',
        'level',
        'municipality',
        'agreed',
        'body',
        'date',
        'reference',
        'parties',
        'subject',
        'description',
      ),
      value,
    );
    const actors: Actor[] = [COORD_HEEK, COORD_SCHOEPPINGEN, BOARD_LEGDEN, BOARD_AHAUS, SYSTEM_ACTOR];
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_TYPES), fields, fc.constantFrom(...actors), (type, payload, actor) => {
        for (const state of states) expect(() => decide(state, { ...payload, type }, actor, run.now)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});
