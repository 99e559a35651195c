import {
  addWorkingDays,
  type CooperationContext,
  findCase,
  germanDate,
  pendingDeemedApproval,
  type ScheduledTimer,
  startOfDayInGermany,
} from '../../cooperations/domain';
import { caseAudience, caseFacts, coordinatorsOf, nameOf, type Notice } from './notices';

/*
 * Reminders before deadlines (docs/notifications.md): derived from the durable timers the state
 * expects, and from deadlines no timer marks (a deemed approval arises by itself). A deadline is
 * due at 00:00 in Germany after its last day; a reminder `lead` NRW working days before that last
 * day is sent at the start of that day. A reminder whose premise no longer holds (the report came
 * in, the case left the level, the exit was withdrawn, the authority decided) is not expected any
 * more, so the writer deletes it with the state change that made it moot.
 */

/** One reminder the state expects: the deadline it precedes (a timer's key), its lead time and when it is sent. */
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
    return {
      topic: 'exit-takes-effect',
      recipients: coordinatorsOf(ctx, activePartnersOf(ctx)),
      facts: {
        municipality: nameOf(ctx, municipality),
        effectiveOn: facts.deadlineOn,
        leadDays: String(facts.leadDays),
      },
    };
  },
  TERM_ENDED: (ctx, _timer, facts) => ({
    topic: 'term-ends-soon',
    recipients: coordinatorsOf(ctx, activePartnersOf(ctx)),
    facts: { endOn: facts.deadlineOn, leadDays: String(facts.leadDays) },
  }),
};

const activePartnersOf = (ctx: CooperationContext): string[] =>
  Object.values(ctx.members)
    .filter((m) => m.status === 'active')
    .map((m) => m.ags)
    .sort();

/** A deadline reminders precede: a timer's, or one no timer marks. */
interface Deadline {
  key: string;
  /** 00:00 in Germany after the deadline's last day. */
  dueAt: string;
  notice: (facts: { deadlineOn: string; leadDays: number }) => Notice | null;
}

/**
 * The deemed approval the running procedure heads for, as a deadline without a timer (the
 * fiction arises by itself): its first day is `fictionOn`, so its last day is the day before
 * (§ 24 Abs. 2, § 10 Abs. 1 S. 2 GkG NRW). Told to every party of the procedure (for an amendment
 * also those joining); one key per procedure and version.
 */
function fictionDeadline(ctx: CooperationContext): Deadline[] {
  const pending = pendingDeemedApproval(ctx);
  if (!pending) return [];
  const { kind, text, members, supervisoryStep } = pending.procedure;
  return [
    {
      key: `deemed-approval:${kind}:${text.version}`,
      dueAt: startOfDayInGermany(pending.fictionOn).toISOString(),
      notice: (facts) => ({
        topic: 'deemed-approval-soon',
        recipients: coordinatorsOf(
          ctx,
          members.map((m) => m.ags),
        ),
        facts: {
          act: ACT_NAMES[kind].de,
          actEn: ACT_NAMES[kind].en,
          submittedOn: supervisoryStep!.submittedOn,
          lastDayOn: facts.deadlineOn,
          fictionOn: pending.fictionOn,
          leadDays: String(facts.leadDays),
        },
      }),
    },
  ];
}

function deadlinesOf(ctx: CooperationContext): Deadline[] {
  const timed = Object.values(ctx.timers).flatMap((timer): Deadline[] => {
    const rule = REMINDER_RULES[timer.event.type];
    return rule ? [{ key: timer.key, dueAt: timer.dueAt, notice: (facts) => rule(ctx, timer, facts) }] : [];
  });
  return [...timed, ...fictionDeadline(ctx)].sort((a, b) => a.key.localeCompare(b.key));
}

const ACT_NAMES = {
  conclusion: { de: 'der Vereinbarung bzw. Satzung', en: 'the agreement or statute' },
  amendment: { de: 'der Änderung', en: 'the amendment' },
  dissolution: { de: 'der Auflösung', en: 'the dissolution' },
} as const;

/** The last day of the deadline a timer due at `dueAt` (00:00 in Germany the day after) marks. */
export const deadlineDayOf = (dueAt: string): string => germanDate(new Date(new Date(dueAt).getTime() - 1));

/** When the reminder `leadDays` NRW working days before the deadline of a timer due at `dueAt` is sent. */
export function remindAt(dueAt: string, leadDays: number): Date {
  return startOfDayInGermany(addWorkingDays(deadlineDayOf(dueAt), -leadDays));
}

/**
 * Every reminder the state's deadlines imply for the lead times, ordered by timer key and lead time
 * (longest first). The writer keeps those already stored and adds only those still to come
 * (`isStillAhead`): "due in 14 days" would be wrong when the deadline is nearer than that.
 */
export function expectedReminders(ctx: CooperationContext, leadTimes: readonly number[]): ExpectedReminder[] {
  return deadlinesOf(ctx).flatMap((deadline) => {
    return [...leadTimes]
      .sort((a, b) => b - a)
      .flatMap((leadDays) => {
        const at = remindAt(deadline.dueAt, leadDays);
        const notice = deadline.notice({ deadlineOn: deadlineDayOf(deadline.dueAt), leadDays });
        return notice && notice.recipients.length > 0
          ? [{ timerKey: deadline.key, timerDueAt: deadline.dueAt, leadDays, remindAt: at.toISOString(), notice }]
          : [];
      });
  });
}

/** A reminder worth adding at `now`: its sending instant is still ahead. */
export const isStillAhead = (r: ExpectedReminder, now: Date): boolean => new Date(r.remindAt).getTime() > now.getTime();
