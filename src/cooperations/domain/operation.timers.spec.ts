import { decide, nextEvents } from './engine';
import { caseIdFor } from './escalation';
import {
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  SCHOEPPINGEN,
} from '../../../test/fixtures/building-yard.scenario';
import { BOARD_HEEK } from '../../../test/fixtures/operation-phase.scenario';
import { OperationRun } from '../../../test/fixtures/operation-run';
import {
  activeAt,
  at,
  conflict,
  exitRequest,
  ID,
  report,
  terminationReceived,
} from '../../../test/fixtures/operation-setup';
import { accept, rejected, stateBefore } from '../../../test/fixtures/run-scenario';
import { SYSTEM_ACTOR } from './timers';

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
      { path: 'dueAt', message: { key: 'rules.timerNotDue', params: { dueAt: timer.dueAt, field: 'dueAt' } } },
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
    terminationReceived(run);
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
        'AGREE_TO_PUBLICATION',
        'APPOINT_CONTACT',
        'CONSENT_TO_CONTACT_PUBLICATION',
        'REVOKE_CONTACT_CONSENT',
        'REVOKE_PUBLICATION_AGREEMENT',
        'CORRECT_REPORT',
        'DECLARE_CASE_FAILED',
        'ESCALATE_CASE',
        'PROPOSE_AMENDMENT',
        'PROPOSE_DISSOLUTION',
        'PUT_AMENDMENT_INTO_FORCE',
        'RAISE_CONFLICT',
        'RECORD_ASSEMBLY_VOTE',
        'RECORD_COUNCIL_RESOLUTION',
        'RECORD_DISSOLUTION_RESOLUTION',
        'RECORD_MEMBER_NOTIFICATION',
        'RECORD_SUPERVISORY_STEP',
        'RECORD_TERMINATION_PUBLICATION',
        'RECORD_TERMINATION_RECEIPT',
        'REQUEST_EXIT',
        'RESOLVE_CASE',
        'SIGN_AMENDMENT',
        'SUBMIT_REPORT',
        'WAIVE_OBLIGATION',
        'WITHDRAW_AMENDMENT',
        'WITHDRAW_EXIT_REQUEST',
      ].sort(),
    );
    expect(next.find((n) => n.type === 'SUBMIT_REPORT')).toMatchObject({ type: 'SUBMIT_REPORT', allowed: true });
    expect(next.find((n) => n.type === 'REQUEST_EXIT')).toMatchObject({ type: 'REQUEST_EXIT', allowed: true });
    expect(next.find((n) => n.type === 'RESOLVE_CASE')).toMatchObject({ allowed: false, reason: 'forbidden' });
    // Amendment steps wait for an amendment; the contact may be replaced while active.
    expect(next.find((n) => n.type === 'RECORD_SUPERVISORY_STEP')).toMatchObject({ allowed: false, reason: 'invalid' });
    expect(next.find((n) => n.type === 'APPOINT_CONTACT')).toMatchObject({ type: 'APPOINT_CONTACT', allowed: true });
    expect(nextEvents(run.state, SYSTEM_ACTOR, run.now).map((n) => n.type)).toContain('REPORT_DUE');
  });
});
