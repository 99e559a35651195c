import type { Principal } from '../../auth/principal';
import {
  actorOf,
  type CaseStatus,
  type CooperationContext,
  type QueueEntry,
  escalationQueue,
  findCase,
  mayActOnCase,
} from '../../cooperations';

/** A queue entry as the board sees it: the domain's entry with its status and whether the caller may act. */
export type EscalationEntry = QueueEntry & { status: CaseStatus; mayAct: boolean };

/**
 * Queue entries (the domain's `escalationQueue`) of the cases with `status`. The domain's queue
 * lists open cases; for closed ones it is given the cases as if open, and the entry says otherwise.
 */
export function entriesOf(
  ctx: CooperationContext,
  now: Date,
  principal: Principal,
  query: { status: CaseStatus; level?: number; only?: string },
): EscalationEntry[] {
  const cases = (ctx.escalation?.cases ?? []).filter(
    (c) => c.status === query.status && (!query.only || c.id === query.only),
  );
  if (cases.length === 0) return [];
  const actor = actorOf(principal);
  const asOpen: CooperationContext = {
    ...ctx,
    escalation: { ...ctx.escalation, cases: cases.map((c) => ({ ...c, status: 'open' as const })) },
  };
  const board = principal.role === 'steering-board';
  return escalationQueue(asOpen, now, {
    ...(board ? { actor } : {}),
    ...(query.level !== undefined ? { level: query.level } : {}),
  }).map((e) => {
    const open = query.status === 'open';
    return {
      ...e,
      status: query.status,
      overdue: open && e.overdue,
      mayAct: open && mayActOnCase(ctx, actor, findCase(ctx, e.caseId)!),
    };
  });
}
