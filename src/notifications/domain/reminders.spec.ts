import type { CooperationContext, ScheduledTimer } from '../../cooperations/domain';
import { deadlineDayOf, expectedReminders, isStillAhead, remindAt } from './reminders';

const HEEK = '05554024';
const dueTimer = (period: string, dueAt: string): ScheduledTimer => ({
  key: `report-due:${HEEK}:${period}`,
  dueAt,
  event: { type: 'REPORT_DUE', reporter: HEEK, period, dueAt },
});

function ctxWith(
  timers: ScheduledTimer[],
  reports: Array<{ reporter: string; period: string }> = [],
): CooperationContext {
  return {
    title: 'Gemeinsamer Bauhof',
    members: { [HEEK]: { ags: HEEK, name: 'Heek', status: 'active' } },
    contacts: {},
    reporting: { reports, missed: [] },
    escalation: { cases: [] },
    contract: {
      versions: [],
      inForceSince: null,
      pendingAmendment: null,
      supervisoryStep: null,
      councilResolutions: [],
    },
    dissolution: { proposals: [] },
    timers: Object.fromEntries(timers.map((t) => [t.key, t])),
  } as unknown as CooperationContext;
}

describe('reminders before deadlines, in NRW working days', () => {
  // 2030-Q2 is due on Sunday 30 June 2030; its timer fires at 00:00 on 1 July (CEST).
  const q2 = dueTimer('2030-Q2', '2030-06-30T22:00:00.000Z');

  it('takes the deadline day as the German day before the timer fires', () => {
    expect(deadlineDayOf(q2.dueAt)).toBe('2030-06-30');
  });

  it('sends 14 and 3 working days before the last day, at the start of that day in Germany', () => {
    // Fronleichnam (20 June 2030) and Pfingstmontag (10 June) are NRW holidays: 14 working days
    // back land on Friday 7 June.
    expect(remindAt(q2.dueAt, 14).toISOString()).toBe('2030-06-06T22:00:00.000Z');
    expect(remindAt(q2.dueAt, 3).toISOString()).toBe('2030-06-25T22:00:00.000Z');
  });

  it('counts Easter out: 3 working days before Wednesday 31 March 2027 is 24 March', () => {
    expect(remindAt('2027-03-31T22:00:00.000Z', 3).toISOString()).toBe('2027-03-23T23:00:00.000Z');
  });

  it('expects one reminder per lead time for a report not yet in, longest lead first, addressed to the reporter', () => {
    const reminders = expectedReminders(ctxWith([q2]), [3, 14]);
    expect(reminders.map((r) => [r.leadDays, r.notice.topic])).toEqual([
      [14, 'report-due-soon'],
      [3, 'report-due-soon'],
    ]);
    expect(reminders[0].notice.recipients).toEqual([{ municipality: HEEK, role: 'coordinator' }]);
    expect(reminders[0].notice.facts).toMatchObject({ period: '2030-Q2', dueOn: '2030-06-30', leadDays: '14' });
  });

  it('expects none once the report is in', () => {
    expect(expectedReminders(ctxWith([q2], [{ reporter: HEEK, period: '2030-Q2' }]), [14, 3])).toEqual([]);
  });

  it('adds only reminders still ahead: "in 14 working days" would be wrong when the deadline is nearer', () => {
    const [r14, r3] = expectedReminders(ctxWith([q2]), [14, 3]);
    const now = new Date('2030-06-20T10:00:00Z');
    expect([isStillAhead(r14, now), isStillAhead(r3, now)]).toEqual([false, true]);
  });

  it('tells every active partner 14 and 3 working days before the last day of a fixed term', () => {
    const LEGDEN = '05554036';
    const termEnd: ScheduledTimer = {
      key: 'term-end',
      // 31 March 2027 is the last day; the timer fires at 00:00 on 1 April (CEST).
      dueAt: '2027-03-31T22:00:00.000Z',
      event: { type: 'TERM_ENDED', dueAt: '2027-03-31T22:00:00.000Z' },
    };
    const ctx = ctxWith([termEnd]);
    (ctx.members as Record<string, unknown>)[LEGDEN] = { ags: LEGDEN, name: 'Legden', status: 'active' };
    const reminders = expectedReminders(ctx, [3, 14]);
    expect(reminders.map((r) => [r.leadDays, r.notice.topic, r.notice.facts.endOn])).toEqual([
      [14, 'term-ends-soon', '2027-03-31'],
      [3, 'term-ends-soon', '2027-03-31'],
    ]);
    expect(reminders[0].notice.recipients).toEqual([
      { municipality: HEEK, role: 'coordinator' },
      { municipality: LEGDEN, role: 'coordinator' },
    ]);
    // Easter 2027 (26 March–29 March) is not counted: 3 working days before 31 March is 24 March.
    expect(reminders[1].remindAt).toBe('2027-03-23T23:00:00.000Z');
  });
});
