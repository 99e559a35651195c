import type { Principal } from '../../auth/principal';
import { actorOf, type CaseStatus, mayActInBody, type QueueEntry, type StoredQueueEntry } from '../../cooperations';

/** A queue entry as the board sees it: the domain's entry with its status and whether the caller may act. */
export type EscalationEntry = QueueEntry & { status: CaseStatus; mayAct: boolean };

/**
 * A case's queue entry (the domain's `queueEntryOf`, stored with the case or computed from the
 * snapshot) as `principal` sees it `now`; null for a board member who may not act on the case —
 * a board member's queue holds the cases at the levels whose body their municipality belongs to.
 */
export function entryFor(
  stored: StoredQueueEntry,
  status: CaseStatus,
  now: Date,
  principal: Principal,
): EscalationEntry | null {
  const mayAct = mayActInBody(stored.bodyMunicipalities, actorOf(principal));
  if (principal.role === 'steering-board' && !mayAct) return null;
  const open = status === 'open';
  return {
    ...stored,
    overdue: open && now.getTime() >= Date.parse(stored.deadlineAt),
    status,
    mayAct: open && mayAct,
  };
}
