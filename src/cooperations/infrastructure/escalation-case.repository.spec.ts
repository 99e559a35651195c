import { COORD_LEGDEN, SCHOEPPINGEN } from '../../../test/fixtures/building-yard.scenario';
import { BOARD_HEEK } from '../../../test/fixtures/operation-phase.scenario';
import { OperationRun } from '../../../test/fixtures/operation-run';
import { activeAt, conflict } from '../../../test/fixtures/operation-setup';
import type { CooperationState } from '../domain';
import { caseIdFor, escalationQueue } from '../domain';
import { changedCases } from './escalation-case.repository';

describe('changedCases: what a command writes to escalation_cases', () => {
  const run = activeAt('2027-03-01T08:00:00Z');
  const none = run.state;
  run.send(COORD_LEGDEN, conflict());
  const raised = run.state;
  const id = caseIdFor(raised.context.id, 1);

  it('a new case: its row with the queue entry the domain shows for it', () => {
    const [row] = changedCases(none, raised);
    const { overdue: _overdue, ...entry } = escalationQueue(raised.context, new Date('2027-03-01T09:00:00Z'))[0];
    expect(row).toEqual({ caseId: id, status: 'open', level: 1, deadlineAt: entry.deadlineAt, entry });
    expect(changedCases(raised, raised)).toEqual([]);
    expect(changedCases(none, none)).toEqual([]);
  });

  it('a change the case does not see itself (title, the body at its level) rewrites the row', () => {
    const renamed: CooperationState = structuredClone(raised);
    renamed.context.title = 'Gemeinsamer Bauhof (neu)';
    expect(changedCases(raised, renamed).map((r) => [r.caseId, r.entry.cooperationTitle])).toEqual([
      [id, 'Gemeinsamer Bauhof (neu)'],
    ]);
    const smallerBody: CooperationState = structuredClone(raised);
    smallerBody.context.governance.steeringBody!.members = smallerBody.context.governance.steeringBody!.members.filter(
      (m) => m.municipality !== SCHOEPPINGEN.ags,
    );
    const [before] = changedCases(none, raised);
    const [row] = changedCases(raised, smallerBody);
    expect(before.entry.bodyMunicipalities).toContain(SCHOEPPINGEN.ags);
    expect(row.entry.bodyMunicipalities).toEqual(before.entry.bodyMunicipalities.filter((m) => m !== SCHOEPPINGEN.ags));
  });

  it('an escalation moves level, deadline and entry together', () => {
    const next = new OperationRun(structuredClone(raised), run.now);
    next.send(BOARD_HEEK, { type: 'ESCALATE_CASE', caseId: id, reason: 'Keine Einigung' });
    const [row] = changedCases(raised, next.state);
    expect(row).toMatchObject({ caseId: id, level: 2, entry: { level: 2, deadlineAt: row.deadlineAt } });
  });
});
