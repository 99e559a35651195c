import type { CooperationState } from './cooperation-state';
import { caseIdFor, escalationQueue } from './escalation';
import { reportingPeriods } from './reporting';
import { ACTIVE_STATE, HEEK, LEGDEN, OPENING, SCHOEPPINGEN } from '../../../test/fixtures/building-yard.scenario';
import { BOARD_LEGDEN, operationPhaseStory } from '../../../test/fixtures/operation-phase.scenario';
import { OperationRun } from '../../../test/fixtures/operation-run';
import { stateBefore } from '../../../test/fixtures/run-scenario';

const COOPERATION = OPENING.input.id;
const CASE1 = caseIdFor(COOPERATION, 1);

function activeRun(): OperationRun {
  const { state } = stateBefore();
  return new OperationRun(state, new Date('2026-08-17T09:00:00Z'));
}

describe('the building yard in operation: years of simulated time through decide()', () => {
  const run = activeRun();
  const story = operationPhaseStory(COOPERATION);
  const snapshots = new Map<string, CooperationState>();

  it('follows the story step by step, firing the returned timers in dueAt order', () => {
    expect(run.state.context.contract.inForceSince).toBe('2026-08-14T22:00:00.000Z');
    for (const step of story) {
      if (step.kind === 'checkpoint') {
        run.advanceTo(step.at);
        expect({ step: step.name, state: run.log.at(-1)!.stateAfter }).toEqual({
          step: step.name,
          state: step.stateAfter,
        });
      } else if (step.kind === 'send') {
        const d = run.send(step.actor, step.event, step.at);
        expect({ step: step.name, state: d.stateAfter }).toEqual({ step: step.name, state: step.stateAfter });
      } else {
        const d = run.decide(step.actor, step.event, step.at);
        expect({ step: step.name, ok: d.ok, kind: d.ok ? null : d.kind }).toEqual({
          step: step.name,
          ok: false,
          kind: step.rejection,
        });
        if (step.unmet && !d.ok) expect(d.unmet!.map((u) => u.id)).toEqual(step.unmet);
      }
      snapshots.set(step.name, run.state);
    }
    expect(run.state.value).toBe('dissolved');
    expect(run.table.size).toBe(0);
  });

  it('reported every quarter by timers: one REPORT_DUE per quarter from 2027-Q1 to 2032-Q1', () => {
    const due = run.firings().filter((f) => f.key.startsWith('report-due:'));
    expect(due.map((f) => f.key.split(':')[2])).toEqual(
      [2027, 2028, 2029, 2030, 2031].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)).concat(['2032-Q1']),
    );
    expect(due[0]).toEqual({ key: `report-due:${HEEK.ags}:2027-Q1`, at: '2027-03-31T22:00:00.000Z' });
    expect(due.at(-1)).toEqual({ key: `report-due:${HEEK.ags}:2032-Q1`, at: '2032-03-31T22:00:00.000Z' });
  });

  it('the missed 2030-Q2 report became overdue, and after the grace period opened case 1 by itself', () => {
    const grace = run.firings().filter((f) => f.key.startsWith('report-grace:'));
    expect(grace).toEqual([{ key: `report-grace:${HEEK.ags}:2030-Q2`, at: '2030-07-14T22:00:00.000Z' }]);
    const c = run.state.context.escalation.cases;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({
      id: CASE1,
      number: 1,
      origin: { kind: 'overdue-report', reporter: HEEK.ags, period: '2030-Q2' },
      parties: [HEEK.ags],
      raisedAt: '2030-07-14T22:00:00.000Z',
      status: 'failed',
      level: 3,
    });
    expect(run.state.context.reporting.missed).toEqual([
      {
        reporter: HEEK.ags,
        period: '2030-Q2',
        dueOn: '2030-06-30',
        markedAt: '2030-06-30T22:00:00.000Z',
        escalationCaseId: CASE1,
        reportedAt: '2030-07-25T08:00:00.000Z',
      },
    ]);
    const late = run.state.context.reporting.reports.find((r) => r.period === '2030-Q2')!;
    expect(late.late).toBe(true);
  });

  it('walked the ladder: escalated by the steering body, automatically to mediation, failed there', () => {
    const c = run.state.context.escalation.cases[0];
    expect(c.steps.map((x) => [x.level, x.action, x.by.role, x.at])).toEqual([
      [1, 'opened-automatically', 'system', '2030-07-14T22:00:00.000Z'],
      [1, 'escalated', 'steering-board', '2030-08-05T14:00:00.000Z'],
      // 20 NRW working days from Mon 5 Aug 2030: Tue 6 Aug … Mon 2 Sep 2030
      [2, 'escalated-automatically', 'system', '2030-09-02T22:00:00.000Z'],
      [3, 'declared-failed', 'steering-board', '2030-11-25T15:00:00.000Z'],
    ]);
    expect(run.firings().filter((f) => f.key.startsWith('case-deadline:'))).toEqual([
      { key: `case-deadline:${CASE1}:2`, at: '2030-09-02T22:00:00.000Z' },
    ]);
  });

  it('took Schöppingen out at the end of the notice period, on 2031-12-31', () => {
    const request = run.state.context.membership.exitRequests[0];
    expect(request).toMatchObject({
      municipality: SCHOEPPINGEN.ags,
      escalationCaseId: CASE1,
      effectiveOn: '2031-12-31',
      status: 'effective',
    });
    expect(run.firings().filter((f) => f.key.startsWith('notice-end:'))).toEqual([
      { key: `notice-end:${SCHOEPPINGEN.ags}`, at: '2031-12-31T23:00:00.000Z' },
    ]);
    expect(run.state.context.members[SCHOEPPINGEN.ags]).toMatchObject({
      status: 'left',
      endedAt: '2031-12-31T23:00:00.000Z',
    });
    expect(run.state.context.contacts[SCHOEPPINGEN.ags]).toBeUndefined();
    // 2032-Q1 is acknowledged by the remaining partner alone
    const afterExit = snapshots.get('two-partners-continue')!;
    const q1 = reportingPeriods(afterExit.context, new Date('2032-04-01T08:00:00Z')).find(
      (p) => p.period === '2032-Q1',
    )!;
    expect(q1).toMatchObject({ status: 'acknowledged', report: { acknowledgedBy: [LEGDEN.ags], awaiting: [] } });
  });

  it('ended by agreement: dissolving cancelled the remaining timers, winding-up made it final', () => {
    expect(run.state.context.dissolution).toMatchObject({
      reason: 'agreement',
      // § 24 Abs. 5 GkG NRW: notified and published on 29 May, effective the day after.
      startedAt: '2032-06-01T08:00:00.000Z',
      effectiveOn: '2032-05-30',
      dissolvedAt: '2032-06-30T08:00:00.000Z',
      proposals: [{ number: 1, by: LEGDEN.ags, status: 'agreed' }],
    });
    const dissolving = run.log.find((e) => e.stateAfter === 'dissolving')!;
    expect(dissolving.type).toBe('RECORD_SUPERVISORY_STEP');
    // the 2032-Q2 report timer was cancelled in that transition, nothing fired afterwards
    expect(run.firings().every((f) => f.at < dissolving.at)).toBe(true);
  });

  it('the history of the story has one entry per accepted event, timer firings as system entries', () => {
    const system = run.log.filter((e) => e.actor.role === 'system');
    expect(system.every((e) => e.timer && !e.noop)).toBe(true);
    expect(system.map((e) => e.type)).toContain('REPORT_GRACE_EXPIRED');
    expect(system.map((e) => e.type)).toContain('CASE_DEADLINE_PASSED');
    expect(system.map((e) => e.type)).toContain('NOTICE_PERIOD_ENDED');
  });

  it('the steering body saw case 1 in its queue at level 1, then the board at level 2', () => {
    const opened = snapshots.get('case-opened-automatically')!;
    const queue = escalationQueue(opened.context, new Date('2030-07-15T08:00:00Z'), { actor: BOARD_LEGDEN });
    expect(queue).toEqual([
      expect.objectContaining({
        caseId: CASE1,
        level: 1,
        levelKind: 'steering-body',
        body: 'Lenkungsausschuss Gemeinsamer Bauhof',
        deadlineOn: '2030-08-12',
        deadlineAt: '2030-08-12T22:00:00.000Z',
        overdue: false,
        isLastLevel: false,
      }),
    ]);
    const escalated = snapshots.get('steering-body-escalates')!;
    expect(escalationQueue(escalated.context, new Date('2030-08-06T08:00:00Z'))[0]).toMatchObject({
      level: 2,
      levelKind: 'escalation-body',
      deadlineOn: '2030-09-02',
    });
  });

  it('leaves the state a jsonb round trip can restore (stateAfter of one step = stateBefore of the next)', () => {
    expect(JSON.parse(JSON.stringify(run.state))).toEqual(run.state);
    expect(ACTIVE_STATE).toBe('active.reporting.onTrack,active.escalation.calm,active.membership.stable');
  });
});
