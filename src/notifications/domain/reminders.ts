import {
  addWorkingDays,
  type CooperationContext,
  findCase,
  germanDate,
  type ScheduledTimer,
  startOfDayInGermany,
} from '../../cooperations/domain';
import { caseAudience, caseFacts, coordinatorsOf, nameOf, type Notice } from './notices';

/*
 * Reminders before deadlines (docs/notifications.md): derived from the durable timers the state
 * expects. A timer is due at 00:00 in Germany after its deadline's last day; a reminder `lead`
 * NRW working days before that last day is sent at the start of that day. A reminder whose
 * premise no longer holds (the report came in, the case left the level, the exit was withdrawn)
 * is not expected any more, so the writer deletes it with the state change that made it moot.
 */

/** One reminder the state expects: the timer it precedes, its lead time and when it is sent. */
export interface ExpectedReminder {
  timerKey: string;
  timerDueAt: string;
  leadDays: number;
  remindAt: string;
  notice: Notice;
}

type ReminderRule = (
  ctx: CooperationContext,
  timer: ScheduledTimer,
  facts: { deadlineOn: string; leadDays: number },
) => Notice | null;

const fields = (event: unknown) => event as Record<string, unknown>;

/** By the timer's event type. */
const REMINDER_RULES: Readonly<Record<string, ReminderRule>> = {
  REPORT_DUE: (ctx, timer, facts) => {
    const { reporter, period } = fields(timer.event) as { reporter: string; period: string };
    if (ctx.reporting.reports.some((r) => r.reporter === reporter && r.period === period)) return null;
    return {
      topic: 'report-due-soon',
      recipients: coordinatorsOf(ctx, [reporter]),
      facts: { reporter: nameOf(ctx, reporter), period, dueOn: facts.deadlineOn, leadDays: String(facts.leadDays) },
    };
  },
  CASE_DEADLINE_PASSED: (ctx, timer, facts) => {
    const { caseId, level } = fields(timer.event) as { caseId: string; level: number };
    const c = findCase(ctx, caseId);
    if (!c || c.status !== 'open' || c.level !== level) return null;
    return {
      topic: 'case-deadline-near',
      recipients: caseAudience(ctx, c),
      facts: { ...caseFacts(ctx, c), leadDays: String(facts.leadDays) },
    };
  },
  NOTICE_PERIOD_ENDED: (ctx, timer, facts) => {
    const { municipality } = fields(timer.event) as { municipality: string };
    const partners = Object.values(ctx.members)
      .filter((m) => m.status === 'active')
      .map((m) => m.ags)
      .sort();
    return {
      topic: 'exit-takes-effect',
      recipients: coordinatorsOf(ctx, partners),
      facts: {
        municipality: nameOf(ctx, municipality),
        effectiveOn: facts.deadlineOn,
        leadDays: String(facts.leadDays),
      },
    };
  },
};

/** The last day of the deadline a timer due at `dueAt` (00:00 in Germany the day after) marks. */
export const deadlineDayOf = (dueAt: string): string => germanDate(new Date(new Date(dueAt).getTime() - 1));

/** When the reminder `leadDays` NRW working days before the deadline of a timer due at `dueAt` is sent. */
export function remindAt(dueAt: string, leadDays: number): Date {
  return startOfDayInGermany(addWorkingDays(deadlineDayOf(dueAt), -leadDays));
}

/**
 * Every reminder the state's timers imply for the lead times, ordered by timer key and lead time
 * (longest first). The writer keeps those already stored and adds only those still to come
 * (`isStillAhead`): "due in 14 days" would be wrong when the deadline is nearer than that.
 */
export function expectedReminders(ctx: CooperationContext, leadTimes: readonly number[]): ExpectedReminder[] {
  const timers = Object.values(ctx.timers).sort((a, b) => a.key.localeCompare(b.key));
  return timers.flatMap((timer) => {
    const rule = REMINDER_RULES[timer.event.type];
    if (!rule) return [];
    return [...leadTimes]
      .sort((a, b) => b - a)
      .flatMap((leadDays) => {
        const at = remindAt(timer.dueAt, leadDays);
        const notice = rule(ctx, timer, { deadlineOn: deadlineDayOf(timer.dueAt), leadDays });
        return notice && notice.recipients.length > 0
          ? [{ timerKey: timer.key, timerDueAt: timer.dueAt, leadDays, remindAt: at.toISOString(), notice }]
          : [];
      });
  });
}

/** A reminder worth adding at `now`: its sending instant is still ahead. */
export const isStillAhead = (r: ExpectedReminder, now: Date): boolean => new Date(r.remindAt).getTime() > now.getTime();
