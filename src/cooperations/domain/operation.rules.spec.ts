import fc from 'fast-check';
import type { Actor } from './actor';
import type { CooperationContext } from './cooperation';
import { type Decision, decide, nextEvents } from './engine';
import { caseIdFor, escalationQueue, uuidV5 } from './escalation';
import { exitEffectiveOn } from './membership';
import { EVENT_TYPES } from './phases';
import { reportingPeriods } from './reporting';
import {
  ACTIVE_STATE,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
  LEGDEN,
  LOI_DRAFT,
  OPENING,
  SCHOEPPINGEN,
} from '../../../test/fixtures/building-yard.scenario';
import {
  BOARD_AHAUS,
  BOARD_HEEK,
  BOARD_LEGDEN,
  EXIT_PLAN_SCHOEPPINGEN,
} from '../../../test/fixtures/operation-phase.scenario';
import { OperationRun } from '../../../test/fixtures/operation-run';
import { accept, stateBefore } from '../../../test/fixtures/run-scenario';
import { SYSTEM_ACTOR } from './timers';

const ID = OPENING.input.id;
const at = (iso: string) => new Date(iso);
const rejected = (d: Decision) => {
  if (d.ok) throw new Error(`expected a rejection, got ${d.stateAfter}`);
  return d;
};
const values = LOI_DRAFT.successCriteria.map((c, i) => ({ indicator: c.indicator, value: i }));
const report = (period: string, v = values) => ({ type: 'SUBMIT_REPORT', period, narrative: 'Bericht', values: v });
const conflict = (parties = [LEGDEN.ags]) => ({
  type: 'RAISE_CONFLICT',
  subject: 'Kostenverteilung Winterdienst',
  description: 'Legden bestreitet die Abrechnung der Einsatzstunden.',
  parties,
});
const exitRequest = (extra: Record<string, unknown> = {}) => ({
  type: 'REQUEST_EXIT',
  reasons: 'Eigene Aufgabenerfüllung ist wirtschaftlicher.',
  conflictProcedureNotApplicable: 'Kein Konflikt: Schöppingen ändert seine Organisationsentscheidung.',
  exitPlan: EXIT_PLAN_SCHOEPPINGEN,
  formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2027-02-01' },
  ...extra,
});

/** Active (put into force 2026-08-17), clock at `now`, with every earlier timer fired. */
function activeAt(now: string, change?: (ctx: CooperationContext) => void): OperationRun {
  let { state } = stateBefore('put-into-force');
  if (change) {
    state = structuredClone(state);
    change(state.context);
  }
  const run = new OperationRun(state, at('2026-08-17T09:00:00Z'));
  run.send(COORD_HEEK, { type: 'PUT_INTO_FORCE' });
  run.advanceTo(at(now));
  return run;
}

describe('entry into force', () => {
  it('schedules the first reporting period’s due timer', () => {
    const { state, at: t } = stateBefore('put-into-force');
    const d = accept(decide(state, { type: 'PUT_INTO_FORCE' }, COORD_HEEK, t));
    expect(d.stateAfter).toBe(ACTIVE_STATE);
    expect(d.timers).toEqual({
      schedule: [
        {
          key: `report-due:${HEEK.ags}:2027-Q1`,
          dueAt: '2027-03-31T22:00:00.000Z',
          event: { type: 'REPORT_DUE', reporter: HEEK.ags, period: '2027-Q1', dueAt: '2027-03-31T22:00:00.000Z' },
        },
      ],
      cancel: [],
    });
  });

  it('starts the duties with the first period due after entry into force, labelled by start date off calendar boundaries', () => {
    const run = activeAt('2026-08-18T08:00:00Z', (ctx) => (ctx.contract.versions[0].term.start = '2026-02-15'));
    // periods 2026-02-15…05-14 and 05-15…08-14 fell due before 17 Aug 2026: not the duty's
    expect(Object.keys(run.state.context.timers)).toEqual([`report-due:${HEEK.ags}:2026-08-15/P3M`]);
    expect(reportingPeriods(run.state.context, at('2026-08-18T08:00:00Z'))).toEqual([
      expect.objectContaining({
        period: '2026-08-15/P3M',
        startsOn: '2026-08-15',
        endsOn: '2026-11-14',
        graceEndsOn: '2026-11-28',
        status: 'due',
      }),
      expect.objectContaining({ period: '2026-11-15/P3M', status: 'upcoming' }),
    ]);
  });
});

describe('reporting [P6, P8]', () => {
  it('derives period status: upcoming, due, overdue, submitted, acknowledged', () => {
    const run = activeAt('2026-12-01T08:00:00Z');
    const status = (now: string) =>
      reportingPeriods(run.state.context, at(now)).map((p) => [p.period, p.status] as const);
    expect(status('2026-12-01T08:00:00Z')).toEqual([['2027-Q1', 'upcoming']]);
    expect(status('2027-02-01T08:00:00Z')).toEqual([
      ['2027-Q1', 'due'],
      ['2027-Q2', 'upcoming'],
    ]);
    expect(status('2027-04-02T08:00:00Z')).toEqual([
      ['2027-Q1', 'overdue'],
      ['2027-Q2', 'due'],
      ['2027-Q3', 'upcoming'],
    ]);
    run.send(COORD_HEEK, report('2027-Q1'), at('2027-03-20T08:00:00Z'));
    expect(status('2027-03-21T08:00:00Z')[0]).toEqual(['2027-Q1', 'submitted']);
    run.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' });
    expect(status('2027-03-21T08:00:00Z')[0]).toEqual(['2027-Q1', 'submitted']);
    run.send(COORD_SCHOEPPINGEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1', reporter: HEEK.ags });
    expect(status('2027-03-21T08:00:00Z')[0]).toEqual(['2027-Q1', 'acknowledged']);
  });

  it('refuses a report for a period that has not started, an unknown period, or one reported twice', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    expect(rejected(run.decide(COORD_HEEK, report('2027-Q2')))).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'period', message: 'has not started (it starts on 2027-04-01)' }],
    });
    expect(rejected(run.decide(COORD_HEEK, report('2026-Q4'))).errors).toEqual([
      { path: 'period', message: `is not a reporting period of ${HEEK.ags}` },
    ]);
    expect(rejected(run.decide(COORD_HEEK, report('2027-13'))).kind).toBe('invalid');
    run.send(COORD_HEEK, report('2027-01-01')); // by its start date
    expect(run.state.context.reporting.reports[0]).toMatchObject({ id: `${HEEK.ags}/2027-Q1`, late: false });
    expect(rejected(run.decide(COORD_HEEK, report('2027-Q1'))).errors).toEqual([
      { path: 'period', message: '2027-Q1 has already been reported' },
    ]);
  });

  it('needs a value for every success criterion (OBL-REPORT-CRITERIA)', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    const d = rejected(run.decide(COORD_HEEK, report('2027-Q1', values.slice(1))));
    expect(d).toMatchObject({
      kind: 'obligations-unmet',
      unmet: [{ id: 'OBL-REPORT-CRITERIA', met: false, missing: [`value:${values[0].indicator}`] }],
    });
    const twice = [...values, { ...values[0], value: 9 }];
    expect(rejected(run.decide(COORD_HEEK, report('2027-Q1', twice))).kind).toBe('invalid');
    expect(accept(run.decide(COORD_HEEK, report('2027-Q1'))).obligations).toEqual([
      { id: 'OBL-REPORT-CRITERIA', met: true, missing: [] },
    ]);
  });

  it('only the reporter reports; the others acknowledge, once each', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    expect(rejected(run.decide(COORD_LEGDEN, report('2027-Q1'))).kind).toBe('forbidden');
    expect(rejected(run.decide(BOARD_HEEK, report('2027-Q1'))).kind).toBe('forbidden');
    expect(rejected(run.decide(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).kind).toBe('invalid');
    run.send(COORD_HEEK, report('2027-Q1'));
    expect(rejected(run.decide(COORD_HEEK, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).kind).toBe('forbidden');
    run.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' });
    expect(rejected(run.decide(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).kind).toBe('invalid');
  });

  it('a late report cancels the grace timer; the region is back on track', () => {
    const run = activeAt('2027-04-02T08:00:00Z');
    expect(run.log.at(-1)!.stateAfter).toMatch(/^active\.reporting\.overdue,/);
    expect(Object.keys(run.state.context.timers).sort()).toEqual([
      `report-due:${HEEK.ags}:2027-Q2`,
      `report-grace:${HEEK.ags}:2027-Q1`,
    ]);
    const d = run.send(COORD_HEEK, report('2027-Q1'));
    expect(d.timers).toEqual({ schedule: [], cancel: [`report-grace:${HEEK.ags}:2027-Q1`] });
    expect(d.stateAfter).toBe(ACTIVE_STATE);
    expect(d.state.context.reporting.reports[0].late).toBe(true);
  });
});

describe('escalation cases [P6]', () => {
  it('opens cases at level 1 with deterministic ids (UUID v5 in the cooperation id) and deadlines', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    const first = run.send(COORD_LEGDEN, conflict());
    const second = run.send(COORD_SCHOEPPINGEN, conflict([HEEK.ags, SCHOEPPINGEN.ags]), at('2027-03-02T08:00:00Z'));
    const [c1, c2] = second.state.context.escalation.cases;
    expect(c1).toMatchObject({ id: caseIdFor(ID, 1), number: 1, level: 1, status: 'open', deadlineOn: '2027-03-29' });
    expect(c2).toMatchObject({ id: caseIdFor(ID, 2), number: 2, parties: [HEEK.ags, SCHOEPPINGEN.ags] });
    expect(c1.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.timers.schedule).toEqual([
      {
        key: `case-deadline:${c1.id}:1`,
        dueAt: '2027-03-29T22:00:00.000Z',
        event: { type: 'CASE_DEADLINE_PASSED', caseId: c1.id, level: 1, dueAt: '2027-03-29T22:00:00.000Z' },
      },
    ]);
    expect(first.stateAfter).toContain('active.escalation.casesOpen');
    expect(escalationQueue(second.state.context, at('2027-03-02T09:00:00Z')).map((e) => e.number)).toEqual([1, 2]);
    expect(escalationQueue(second.state.context, at('2027-03-02T09:00:00Z'), { actor: BOARD_AHAUS })).toEqual([]);
    expect(escalationQueue(second.state.context, at('2027-03-02T09:00:00Z'), { level: 2 })).toEqual([]);
  });

  it('RFC 9562 UUID v5 test vector (DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('parties must be partners; only partners’ coordinators raise cases', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    expect(rejected(run.decide(COORD_LEGDEN, conflict(['05554004']))).kind).toBe('invalid');
    expect(rejected(run.decide(BOARD_LEGDEN, conflict())).kind).toBe('forbidden');
    expect(rejected(run.decide({ ...COORD_LEGDEN, municipality: '05554004' }, conflict())).kind).toBe('forbidden');
  });

  it('the body at the current level resolves or escalates; the last level resolves or fails', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    run.send(COORD_LEGDEN, conflict());
    const caseId = caseIdFor(ID, 1);
    expect(rejected(run.decide(COORD_HEEK, { type: 'RESOLVE_CASE', caseId, decision: 'x' })).kind).toBe('forbidden');
    expect(rejected(run.decide(BOARD_AHAUS, { type: 'RESOLVE_CASE', caseId, decision: 'x' })).kind).toBe('forbidden');
    expect(rejected(run.decide(BOARD_HEEK, { type: 'RESOLVE_CASE', caseId: 'nope', decision: 'x' })).kind).toBe(
      'invalid',
    );
    expect(rejected(run.decide(BOARD_HEEK, { type: 'DECLARE_CASE_FAILED', caseId, reason: 'x' })).kind).toBe('invalid');
    const up = run.send(BOARD_HEEK, { type: 'ESCALATE_CASE', caseId, reason: 'keine Einigung' });
    expect(up.timers).toEqual({
      schedule: [expect.objectContaining({ key: `case-deadline:${caseId}:2` })],
      cancel: [`case-deadline:${caseId}:1`],
    });
    run.send(BOARD_LEGDEN, { type: 'ESCALATE_CASE', caseId, reason: 'keine Einigung' });
    expect(rejected(run.decide(BOARD_LEGDEN, { type: 'ESCALATE_CASE', caseId, reason: 'x' })).errors).toEqual([
      { path: 'caseId', message: 'case 1 is at the last level; resolve it or declare it failed' },
    ]);
    const done = run.send(BOARD_LEGDEN, { type: 'RESOLVE_CASE', caseId, decision: 'Abrechnung nach Fahrtenbuch' });
    expect(done.state.context.escalation.cases[0]).toMatchObject({
      status: 'resolved',
      decision: 'Abrechnung nach Fahrtenbuch',
      level: 3,
    });
    expect(done.timers).toEqual({ schedule: [], cancel: [`case-deadline:${caseId}:3`] });
    expect(done.stateAfter).toBe(ACTIVE_STATE);
    expect(rejected(run.decide(BOARD_LEGDEN, { type: 'RESOLVE_CASE', caseId, decision: 'x' })).kind).toBe('invalid');
  });

  it('missed deadlines escalate automatically; at the last level the case fails (exhausted)', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    run.send(COORD_LEGDEN, conflict());
    run.send(COORD_HEEK, report('2027-Q1'), at('2027-03-20T08:00:00Z'));
    run.advanceTo(at('2028-01-01T00:00:00Z'));
    const c = run.state.context.escalation.cases[0];
    expect(c.steps.map((s) => [s.level, s.action, s.at])).toEqual([
      [1, 'raised', '2027-03-01T08:00:00.000Z'],
      [1, 'escalated-automatically', '2027-03-29T22:00:00.000Z'],
      // level 2 from 30 Mar 2027: 20 working days skipping Ostermontag (29 Mar is before), 1 May is a Saturday
      [2, 'escalated-automatically', '2027-04-27T22:00:00.000Z'],
      [3, 'failed-automatically', '2027-07-28T22:00:00.000Z'],
    ]);
    expect(c.status).toBe('failed');
  });
});

describe('durable timers: who may fire them, and what late or duplicate firings do', () => {
  const due = (run: OperationRun) => Object.values(run.state.context.timers)[0];

  it('only the system fires timer events; the system sends nothing else', () => {
    const run = activeAt('2027-04-02T08:00:00Z');
    const timer = due(run);
    expect(rejected(run.decide(COORD_HEEK, timer.event)).kind).toBe('forbidden');
    expect(rejected(run.decide(SYSTEM_ACTOR, report('2027-Q2'))).kind).toBe('forbidden');
    const { state, at: t } = stateBefore('put-into-force');
    expect(rejected(decide(state, timer.event, SYSTEM_ACTOR, t)).kind).toBe('event-not-allowed');
  });

  it('a duplicate or cancelled timer is an accepted no-op; an early one is invalid', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    const timer = due(run); // report-due 2027-Q1
    expect(rejected(run.decide(SYSTEM_ACTOR, timer.event)).errors).toEqual([
      { path: 'dueAt', message: `the timer is not due before ${timer.dueAt}` },
    ]);
    run.advanceTo(at('2027-04-01T08:00:00Z'));
    const before = run.state;
    const again = accept(run.decide(SYSTEM_ACTOR, timer.event));
    expect(again).toMatchObject({ noop: true, timers: { schedule: [], cancel: [] }, obligations: [] });
    expect(again.state).toEqual(before);
    expect(again.stateAfter).toBe(again.stateBefore);

    run.send(COORD_LEGDEN, conflict());
    const deadline = Object.values(run.state.context.timers).find((t) => t.key.startsWith('case-deadline'))!;
    run.send(BOARD_HEEK, { type: 'RESOLVE_CASE', caseId: caseIdFor(ID, 1), decision: 'geklärt' });
    const late = accept(run.decide(SYSTEM_ACTOR, deadline.event, at('2027-06-01T08:00:00Z')));
    expect(late.noop).toBe(true);
    expect(late.state.context.escalation.cases[0].status).toBe('resolved');
  });

  it('a timer firing days late still counts from its due instant where the law does', () => {
    const run = activeAt('2027-01-10T08:00:00Z');
    run.send(COORD_SCHOEPPINGEN, exitRequest(), at('2027-02-02T08:00:00Z'));
    const notice = Object.values(run.state.context.timers).find((t) => t.key.startsWith('notice-end'))!;
    expect(notice.dueAt).toBe('2031-12-31T23:00:00.000Z'); // earliest date 2031-12-31
    run.advanceTo(at('2032-01-05T08:00:00Z'), { lateByMs: 3 * 24 * 3_600_000 });
    expect(run.state.context.members[SCHOEPPINGEN.ags]).toMatchObject({
      status: 'left',
      endedAt: '2031-12-31T23:00:00.000Z',
    });
  });

  it('nextEvents shows coordinators the operation events, without timer events or payload obligations', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    const next = nextEvents(run.state, COORD_HEEK, run.now);
    expect(next.map((n) => n.type).sort()).toEqual(
      [
        'ACKNOWLEDGE_REPORT',
        'APPOINT_CONTACT',
        'CORRECT_REPORT',
        'DECLARE_CASE_FAILED',
        'ESCALATE_CASE',
        'PROPOSE_AMENDMENT',
        'PROPOSE_DISSOLUTION',
        'PUT_AMENDMENT_INTO_FORCE',
        'RAISE_CONFLICT',
        'RECORD_COUNCIL_RESOLUTION',
        'RECORD_DISSOLUTION_RESOLUTION',
        'RECORD_MEMBER_NOTIFICATION',
        'RECORD_SUPERVISORY_STEP',
        'REQUEST_EXIT',
        'RESOLVE_CASE',
        'SUBMIT_REPORT',
        'WAIVE_OBLIGATION',
        'WITHDRAW_AMENDMENT',
        'WITHDRAW_EXIT_REQUEST',
      ].sort(),
    );
    expect(next.find((n) => n.type === 'SUBMIT_REPORT')).toEqual({ type: 'SUBMIT_REPORT', allowed: true });
    expect(next.find((n) => n.type === 'REQUEST_EXIT')).toEqual({ type: 'REQUEST_EXIT', allowed: true });
    expect(next.find((n) => n.type === 'RESOLVE_CASE')).toMatchObject({ allowed: false, reason: 'forbidden' });
    // Amendment steps wait for an amendment; the contact may be replaced while active.
    expect(next.find((n) => n.type === 'RECORD_SUPERVISORY_STEP')).toMatchObject({ allowed: false, reason: 'invalid' });
    expect(next.find((n) => n.type === 'APPOINT_CONTACT')).toEqual({ type: 'APPOINT_CONTACT', allowed: true });
    expect(nextEvents(run.state, SYSTEM_ACTOR, run.now).map((n) => n.type)).toContain('REPORT_DUE');
  });
});

describe('exit [P7]', () => {
  it('needs the ultima ratio: a failed case of this cooperation, or why the procedure does not apply', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    const unmet = (extra: Record<string, unknown>) => {
      const d = rejected(run.decide(COORD_SCHOEPPINGEN, exitRequest(extra)));
      return d.kind === 'obligations-unmet' ? d.unmet!.map((u) => [u.id, u.missing]) : d.kind;
    };
    expect(unmet({ conflictProcedureNotApplicable: ' ' })).toEqual([
      ['OBL-EXIT-ULTIMA-RATIO', ['escalationCaseId|conflictProcedureNotApplicable']],
    ]);
    run.send(COORD_LEGDEN, conflict());
    const caseId = caseIdFor(ID, 1);
    expect(unmet({ escalationCaseId: caseId })).toEqual([['OBL-EXIT-ULTIMA-RATIO', [`escalationCase:${caseId}:open`]]]);
    expect(unmet({ escalationCaseId: 'x' })).toEqual([['OBL-EXIT-ULTIMA-RATIO', ['escalationCase:x:unknown']]]);
    expect(unmet({ exitPlan: { ...EXIT_PLAN_SCHOEPPINGEN, it: '', premises: undefined } })).toEqual([
      ['OBL-EXIT-PLAN', ['exitPlan.it', 'exitPlan.premises']],
    ]);
    expect(unmet({ formSpecificStep: { authority: 'Bezirksregierung Münster' } })).toEqual([
      ['OBL-EXIT-FORM-STEP', ['formSpecificStep.notifiedOn', 'formSpecificStep.authority:Landrat des Kreises Borken']],
    ]);
    expect(unmet({ formSpecificStep: { authority: 'x', notifiedOn: '2027-03-01' } })).toBe('invalid'); // future
  });

  it('encodes the form-specific step per legal form (Zweckverband: 2/3 of the statutory votes)', () => {
    const run = activeAt('2027-02-01T08:00:00Z', (ctx) => (ctx.contract.versions[0].legalForm = 'zweckverband'));
    const vote = (votesFor: number, votesTotal: number, statuteMajority?: object) =>
      decide(
        run.state,
        exitRequest({ formSpecificStep: { voteDate: '2027-01-28', votesFor, votesTotal, statuteMajority } }),
        COORD_SCHOEPPINGEN,
        run.now,
      );
    expect(rejected(vote(5, 9)).unmet).toEqual([
      { id: 'OBL-EXIT-FORM-STEP', met: false, missing: ['formSpecificStep.votesFor:6'] },
    ]);
    expect(vote(5, 9, { numerator: 1, denominator: 2, reference: '§ 18 Verbandssatzung' }).ok).toBe(true);
    expect(accept(vote(6, 9)).state.context.membership.exitRequests).toHaveLength(1);
  });

  it('computes the end of the notice period per the contract (12 months to the end of a calendar year)', () => {
    const { state } = stateBefore();
    const ctx = state.context;
    expect(exitEffectiveOn(ctx, '2030-12-10')).toBe('2031-12-31');
    expect(exitEffectiveOn(ctx, '2031-01-10')).toBe('2032-12-31');
    const quarterly = structuredClone(ctx);
    quarterly.contract.versions[0].exitTerms = {
      ...quarterly.contract.versions[0].exitTerms,
      noticePeriod: { amount: 60, unit: 'working-days' },
      toEndOf: 'quarter',
      earliestDate: undefined,
    };
    // 60 NRW working days from 2 Feb 2027 (Karfreitag, Ostermontag skipped) → 29 Apr → end of Q2
    expect(exitEffectiveOn(quarterly, '2027-02-02')).toBe('2027-06-30');
  });

  it('can be withdrawn before the notice period ends, not after; stale firings of the old timer do nothing', () => {
    const run = activeAt('2030-12-01T08:00:00Z');
    run.send(
      COORD_SCHOEPPINGEN,
      exitRequest({ formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2030-11-30' } }),
    );
    expect(rejected(run.decide(COORD_SCHOEPPINGEN, exitRequest())).kind).toBe('invalid'); // already pending
    const old = Object.values(run.state.context.timers).find((t) => t.key.startsWith('notice-end'))!;
    const w = run.send(COORD_SCHOEPPINGEN, { type: 'WITHDRAW_EXIT_REQUEST', reason: 'Ratsbeschluss aufgehoben' });
    expect(w.timers.cancel).toEqual([`notice-end:${SCHOEPPINGEN.ags}`]);
    expect(w.stateAfter).toContain('active.membership.stable');
    expect(rejected(run.decide(COORD_SCHOEPPINGEN, { type: 'WITHDRAW_EXIT_REQUEST' })).kind).toBe('invalid');
    // asked again a year later: a new instance of the same key
    run.send(
      COORD_SCHOEPPINGEN,
      exitRequest({ formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2031-12-01' } }),
      at('2031-12-02T08:00:00Z'),
    );
    const stale = accept(run.decide(SYSTEM_ACTOR, old.event, at('2032-01-02T08:00:00Z')));
    expect(stale).toMatchObject({ noop: true, timers: { schedule: [], cancel: [] } });
    expect(stale.state.context.members[SCHOEPPINGEN.ags].status).toBe('active');
    // once the notice period has ended (timer not yet fired) it can no longer be withdrawn
    expect(
      rejected(decide(run.state, { type: 'WITHDRAW_EXIT_REQUEST' }, COORD_SCHOEPPINGEN, at('2033-01-01T08:00:00Z')))
        .errors,
    ).toEqual([{ path: 'type', message: 'the notice period ended on 2032-12-31' }]);
  });

  it('dissolves when fewer than two partners remain, cancelling every timer', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    run.send(COORD_SCHOEPPINGEN, exitRequest());
    run.send(COORD_LEGDEN, conflict());
    run.advanceTo(at('2032-01-01T08:00:00Z'));
    expect(run.state.context.members[SCHOEPPINGEN.ags].status).toBe('left');
    run.send(
      COORD_LEGDEN,
      exitRequest({ formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2032-01-01' } }),
    );
    const notice = Object.values(run.state.context.timers).find((t) => t.key === `notice-end:${LEGDEN.ags}`)!;
    expect(notice.dueAt).toBe('2033-12-31T23:00:00.000Z'); // 12 months from 1 Jan 2032, to the end of 2033
    const [last] = run.advanceTo(at('2034-01-01T08:00:00Z')).filter((d) => d.event.type === 'NOTICE_PERIOD_ENDED');
    expect(last.stateAfter).toBe('dissolving');
    expect(last.timers.schedule).toEqual([]);
    expect(last.timers.cancel).toEqual(
      expect.arrayContaining([`notice-end:${LEGDEN.ags}`, `report-due:${HEEK.ags}:2033-Q4`]),
    );
    expect(last.state.context.timers).toEqual({});
    expect(last.state.context.dissolution).toMatchObject({ reason: 'too-few-partners' });
    // nobody reported for years: every missed report opened a case; dissolution closed the open ones
    const cases = last.state.context.escalation.cases;
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.filter((c) => c.status === 'open')).toEqual([]);
    expect(cases.at(-1)).toMatchObject({
      status: 'closed',
      steps: expect.arrayContaining([expect.objectContaining({ action: 'closed-by-dissolution' })]),
    });
    expect(run.table.size).toBe(0);
  });
});

describe('dissolution', () => {
  it('one council refusing rejects the proposal; a new one may follow', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    const resolution = (agreed: boolean) => ({
      type: 'RECORD_DISSOLUTION_RESOLUTION',
      body: 'Rat',
      date: '2027-01-28',
      reference: 'V 1',
      agreed,
    });
    expect(rejected(run.decide(COORD_HEEK, resolution(true))).kind).toBe('invalid'); // no proposal
    run.send(COORD_HEEK, { type: 'PROPOSE_DISSOLUTION', reason: 'Aufgabe entfällt' });
    expect(rejected(run.decide(COORD_LEGDEN, { type: 'PROPOSE_DISSOLUTION', reason: 'x' })).kind).toBe('invalid');
    run.send(COORD_HEEK, resolution(true));
    const refused = run.send(COORD_LEGDEN, resolution(false));
    expect(refused.stateAfter).toBe(ACTIVE_STATE);
    expect(refused.state.context.dissolution.proposals[0].status).toBe('rejected');
    run.send(COORD_LEGDEN, { type: 'PROPOSE_DISSOLUTION', reason: 'Neuer Anlauf' });
    run.send(COORD_HEEK, resolution(true));
    run.send(COORD_LEGDEN, resolution(true));
    expect(rejected(run.decide(COORD_SCHOEPPINGEN, { ...resolution(true), body: 'Kreistag' })).errors).toEqual([
      { path: 'body', message: `must be the Rat of ${SCHOEPPINGEN.ags}` },
    ]);
    const d = run.send(COORD_SCHOEPPINGEN, resolution(true));
    expect(d.stateAfter).toBe('dissolving');
    expect(d.obligations).toEqual([{ id: 'OBL-DISSOLUTION-RESOLUTIONS', met: true, missing: [] }]);
    expect(d.state.context.dissolution).toMatchObject({ reason: 'agreement', startedAt: d.state.context.updatedAt });
  });
});

describe('dissolved is final', () => {
  it('refuses every event, from every actor, as event-not-allowed', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    run.send(COORD_HEEK, { type: 'PROPOSE_DISSOLUTION', reason: 'Aufgabe entfällt' });
    for (const actor of [COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN]) {
      run.send(actor, {
        type: 'RECORD_DISSOLUTION_RESOLUTION',
        body: 'Rat',
        date: '2027-01-28',
        reference: 'V',
        agreed: true,
      });
    }
    expect(run.state.value).toBe('dissolving');
    const done = run.send(COORD_HEEK, {
      type: 'RECORD_WINDING_UP',
      assets: 'a',
      staff: 's',
      data: 'd',
      openObligations: 'o',
    });
    expect(done.stateAfter).toBe('dissolved');
    const actors: Actor[] = [COORD_HEEK, BOARD_HEEK, SYSTEM_ACTOR];
    for (const type of EVENT_TYPES) {
      for (const actor of actors) {
        expect([type, rejected(decide(done.state, { type }, actor, run.now)).kind]).toEqual([
          type,
          'event-not-allowed',
        ]);
      }
    }
    expect(nextEvents(done.state, COORD_HEEK, run.now)).toEqual([]);
  });
});

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
