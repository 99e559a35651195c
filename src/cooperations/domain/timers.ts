import type { Actor } from './actor';
import type { CooperationContext, ScheduledTimer } from './cooperation';
import type { SystemEvent } from './events';
import { SYSTEM_EVENT_TYPES } from './events';

/*
 * Durable timers as data. The machine never uses `after`: a rule that starts a deadline puts a
 * ScheduledTimer into `context.timers`, a rule that makes it moot removes it, and `decide()` answers
 * the difference as `timers: { schedule, cancel }`. The adapter writes and deletes the rows in the
 * same transaction as the new state; a scheduler later sends `event` as SYSTEM_ACTOR through
 * `decide()`. See docs/operation-phase.md for the scheduler contract.
 */

/** The actor a scheduler sends timer events as. */
export const SYSTEM_ACTOR: Actor = { sub: 'system', role: 'system' };

export interface TimerChanges {
  /** Upsert by key (a changed dueAt or event replaces the row). */
  schedule: ScheduledTimer[];
  /** Delete by key. */
  cancel: string[];
}

export type SystemEventType = SystemEvent['type'];

export function isSystemEventType(type: unknown): type is SystemEventType {
  return typeof type === 'string' && (SYSTEM_EVENT_TYPES as readonly string[]).includes(type);
}

export const reportDueKey = (reporter: string, period: string) => `report-due:${reporter}:${period}`;
export const reportGraceKey = (reporter: string, period: string) => `report-grace:${reporter}:${period}`;
export const caseDeadlineKey = (caseId: string, level: number) => `case-deadline:${caseId}:${level}`;
export const noticeEndKey = (ags: string) => `notice-end:${ags}`;
export const TERM_END_KEY = 'term-end';

/** The key of the timer that sends `event`. */
export function timerKeyOf(event: SystemEvent): string {
  switch (event.type) {
    case 'REPORT_DUE':
      return reportDueKey(event.reporter, event.period);
    case 'REPORT_GRACE_EXPIRED':
      return reportGraceKey(event.reporter, event.period);
    case 'CASE_DEADLINE_PASSED':
      return caseDeadlineKey(event.caseId, event.level);
    case 'NOTICE_PERIOD_ENDED':
      return noticeEndKey(event.municipality);
    case 'TERM_ENDED':
      return TERM_END_KEY;
  }
}

/** A timer for `event` (which carries its own dueAt). */
export function timerFor(event: SystemEvent): ScheduledTimer {
  return { key: timerKeyOf(event), dueAt: event.dueAt, event };
}

export function withTimers(ctx: CooperationContext, add: ScheduledTimer[], remove: string[] = []): CooperationContext {
  const timers = { ...ctx.timers };
  for (const key of remove) delete timers[key];
  for (const t of add) timers[t.key] = t;
  return { ...ctx, timers };
}

/**
 * Is `event` the firing of a timer this state still expects? A timer is identified by key and dueAt:
 * a duplicate, a late firing of a cancelled timer, or one of an earlier instance of the same key
 * (an exit requested, withdrawn and requested again) is stale.
 */
export function isCurrentTimer(ctx: CooperationContext, event: SystemEvent): boolean {
  return ctx.timers?.[timerKeyOf(event)]?.dueAt === event.dueAt;
}

const sameTimer = (a: ScheduledTimer, b: ScheduledTimer) => JSON.stringify(a) === JSON.stringify(b);

/** What the adapter must write: timers new or changed in `after`, keys gone from `before`. */
export function diffTimers(
  before: Readonly<Record<string, ScheduledTimer>> | undefined,
  after: Readonly<Record<string, ScheduledTimer>>,
): TimerChanges {
  const prev = before ?? {};
  const schedule = Object.values(after)
    .filter((t) => !prev[t.key] || !sameTimer(prev[t.key], t))
    .sort(byDueAt);
  const cancel = Object.keys(prev)
    .filter((key) => !after[key])
    .sort();
  return { schedule, cancel };
}

/** Timers in firing order: dueAt, then key. */
export function byDueAt(a: ScheduledTimer, b: ScheduledTimer): number {
  return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Every timer a state expects, in firing order (to reconcile the timer table with the states). */
export function pendingTimers(ctx: CooperationContext): ScheduledTimer[] {
  return Object.values(ctx.timers ?? {}).sort(byDueAt);
}
