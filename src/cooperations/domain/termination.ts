import { type CalendarDate, germanDate } from './calendar';
import { type CooperationContext, currentContract, type ExitRequest, participants } from './cooperation';
import type { FormSpecificExitStep } from './events';
import { exitEffectiveOn, noticeEndTimer } from './membership';
import type { Ags } from './municipality';
import { noticeEndKey, withTimers } from './timers';

/*
 * Termination of an öffentlich-rechtliche Vereinbarung (§ 24 Abs. 5 GkG NRW): the termination is
 * notified to the authority, which publishes it (§ 24 Abs. 5 S. 2 with Abs. 3); it takes effect
 * the day after that publication (Abs. 4), and not before the notice period has run — which runs
 * from the receipt of the termination by the partners, the last receipt counting (a declaration
 * takes effect on receipt, § 130 Abs. 1 BGB analogously). The notice-end timer is written only when
 * every partner's receipt and the publication are recorded; until then `effectiveOn` is the
 * earliest possible last day (the request date standing in for the receipts).
 */

const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);

export const terminationRecorded = (ctx: CooperationContext): boolean =>
  currentContract(ctx)?.legalForm === 'oeffentlich-rechtliche-vereinbarung';

/** The partners who must receive the termination of `ags`: every other participant. */
export const recipientsOf = (ctx: CooperationContext, ags: Ags): Ags[] =>
  participants(ctx)
    .map((m) => m.ags)
    .filter((m) => m !== ags);

/** A new termination; a publication already given with the request counts (`formSpecificStep.publishedOn`). */
export function emptyTermination(
  ctx: CooperationContext,
  ags: Ags,
  step: FormSpecificExitStep | undefined,
): NonNullable<ExitRequest['termination']> {
  return {
    receipts: [],
    authorityPublishedOn: step?.publishedOn ?? null,
    gazetteReference: step?.gazetteReference ?? null,
    awaiting: [
      ...(recipientsOf(ctx, ags).length > 0 ? (['receipts'] as const) : []),
      ...(step?.publishedOn ? [] : (['authority-publication'] as const)),
    ],
  };
}

/** Recomputes what the termination still waits for and, once complete, its last day and timer. */
export function settleTermination(ctx: CooperationContext, request: ExitRequest): CooperationContext {
  const pending = (r: ExitRequest) => r.municipality === request.municipality && r.status === 'pending';
  const t = request.termination!;
  const received = new Set(t.receipts.map((r) => r.municipality));
  const awaiting: NonNullable<ExitRequest['termination']>['awaiting'] = [];
  if (recipientsOf(ctx, request.municipality).some((m) => !received.has(m))) awaiting.push('receipts');
  if (!t.authorityPublishedOn) awaiting.push('authority-publication');
  const lastReceipt = t.receipts.reduce((a, r) => maxDate(a, r.receivedOn), germanDate(new Date(request.requestedAt)));
  const noticeEnds = exitEffectiveOn(ctx, lastReceipt);
  // The day after publication is the first day of effect, so the publication day is the last day bound.
  const effectiveOn = t.authorityPublishedOn ? maxDate(noticeEnds, t.authorityPublishedOn) : noticeEnds;
  const updated: ExitRequest = { ...request, effectiveOn, termination: { ...t, awaiting } };
  const next = {
    ...ctx,
    membership: {
      exitRequests: ctx.membership.exitRequests.map((r) => (pending(r) ? updated : r)),
    },
  };
  return awaiting.length > 0
    ? withTimers(next, [], [noticeEndKey(request.municipality)])
    : withTimers(next, [noticeEndTimer(request.municipality, effectiveOn)]);
}
