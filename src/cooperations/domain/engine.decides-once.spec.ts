import { transition } from 'xstate';
import { decide } from './engine';
import { lifecycleMachine } from './lifecycle.machine';
import { EVENT_RULES } from './phases';
import { COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN } from '../../../test/fixtures/building-yard.scenario';
import { OperationRun } from '../../../test/fixtures/operation-run';
import { stateBefore } from '../../../test/fixtures/run-scenario';

describe('the machine decides once', () => {
  it("applies the event's rule once per command, also where a route depends on the result", () => {
    const { state } = stateBefore('put-into-force');
    const run = new OperationRun(state, new Date('2026-08-17T09:00:00Z'));
    run.send(COORD_HEEK, { type: 'PUT_INTO_FORCE' });
    run.advanceTo(new Date('2027-02-01T08:00:00Z'));
    run.send(COORD_HEEK, { type: 'PROPOSE_DISSOLUTION', reason: 'Aufgabe entfällt' });
    const resolution = { type: 'RECORD_DISSOLUTION_RESOLUTION', body: 'Rat', date: '2027-01-28', reference: 'V 1' };
    run.send(COORD_HEEK, { ...resolution, agreed: true });
    run.send(COORD_LEGDEN, { ...resolution, agreed: true });
    run.send(COORD_SCHOEPPINGEN, { ...resolution, agreed: true });
    // The Aufhebung's Anzeige with its publication completes it (§ 24 Abs. 5 GkG NRW).
    const notified = {
      type: 'RECORD_SUPERVISORY_STEP',
      kind: 'notification',
      authority: 'Landrat des Kreises Borken',
      submittedOn: '2027-01-29',
      publishedOn: '2027-01-30',
    };
    const apply = jest.spyOn(EVENT_RULES.RECORD_SUPERVISORY_STEP, 'apply');
    try {
      const d = decide(run.state, notified, COORD_HEEK, run.now);
      expect(d.ok && d.stateAfter).toBe('dissolving');
      expect(apply).toHaveBeenCalledTimes(1);
    } finally {
      apply.mockRestore();
    }
  });

  it('guards read the obligations the engine evaluated instead of evaluating them again', () => {
    const { state, at } = stateBefore('start-letter-of-intent');
    const snapshot = lifecycleMachine.resolveState({ value: state.value, context: state.context });
    const meta = { actor: COORD_HEEK, at: at.toISOString() };
    const event = { type: 'START_LETTER_OF_INTENT' as const, meta };
    // The context meets both obligations; without them in `met` the guarded exit is not taken.
    const [stays] = transition(lifecycleMachine, snapshot, { ...event, decided: { applied: state.context, met: [] } });
    expect(stays.value).toBe('partnerSearch');
    const [moves] = transition(lifecycleMachine, snapshot, {
      ...event,
      decided: { applied: state.context, met: ['OBL-PARTNERS-MIN', 'OBL-CONTACT-AUTHORITY'] },
    });
    expect(moves.value).toBe('letterOfIntent');
  });
});
