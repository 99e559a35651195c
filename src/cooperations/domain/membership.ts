import { addDuration, type CalendarDate, endOfDayInGermany, toEndOf } from './calendar';
import {
  type CooperationContext,
  currentContract,
  type DissolutionProposal,
  type ExitRequest,
  participants,
  type ScheduledTimer,
} from './cooperation';
import type { Ags } from './municipality';
import { noticeEndKey } from './timers';

/*
 * Exit [P7] and dissolution. The contract's exit terms set the notice period (calendar days,
 * working days in NRW, or months), optionally to the end of a quarter or calendar year, and an
 * earliest date. The exit takes effect at the end of `effectiveOn`; the timer `notice-end:<ags>`
 * fires at 00:00 (Germany) the day after.
 */

/**
 * The last day of membership for an exit requested on `requestedOn`: request date + notice period,
 * not before the earliest date, moved to the end of the quarter/calendar year if the contract says so.
 */
export function exitEffectiveOn(ctx: CooperationContext, requestedOn: CalendarDate): CalendarDate {
  const terms = currentContract(ctx)?.exitTerms ?? {};
  let date = terms.noticePeriod ? addDuration(requestedOn, terms.noticePeriod) : requestedOn;
  if (terms.earliestDate && terms.earliestDate > date) date = terms.earliestDate;
  return terms.toEndOf ? toEndOf(date, terms.toEndOf) : date;
}

export function noticeEndTimer(municipality: Ags, effectiveOn: CalendarDate): ScheduledTimer {
  const dueAt = endOfDayInGermany(effectiveOn).toISOString();
  return {
    key: noticeEndKey(municipality),
    dueAt,
    event: { type: 'NOTICE_PERIOD_ENDED', municipality, dueAt },
  };
}

export function pendingExit(ctx: CooperationContext, ags: Ags | undefined): ExitRequest | undefined {
  return ctx.membership.exitRequests.find((r) => r.municipality === ags && r.status === 'pending');
}

export const hasPendingExit = (ctx: CooperationContext): boolean =>
  ctx.membership.exitRequests.some((r) => r.status === 'pending');

export function openProposal(ctx: CooperationContext): DissolutionProposal | undefined {
  return ctx.dissolution.proposals.find((p) => p.status === 'open');
}

/** Partners whose council has not (yet) agreed to the proposal. */
export function awaitingResolutions(ctx: CooperationContext, proposal: DissolutionProposal): Ags[] {
  return participants(ctx)
    .filter((m) => !proposal.resolutions.some((r) => r.municipality === m.ags && r.agreed))
    .map((m) => m.ags);
}
