import type { Actor } from './actor';
import { addDays, type CalendarDate, germanDate } from './calendar';
import { type CooperationContext, currentContract, currentLoi, isParticipant } from './cooperation';
import { phaseOf, type CooperationState } from './cooperation-state';
import { escalationQueue } from './escalation';
import type { Bilingual } from './obligations.catalog';
import { reportingPeriods } from './reporting';

/*
 * What waits for one caller in one cooperation: an invitation to answer, a signature of theirs
 * missing, a report their municipality owes, a case they may decide, and any deadline of their
 * municipality within the next INBOX_HORIZON_DAYS days. Pure: the state and the clock.
 */

export const INBOX_HORIZON_DAYS = 14;

export type InboxKind = 'invitation' | 'signature' | 'report' | 'case' | 'deadline';

export interface InboxItem {
  kind: InboxKind;
  cooperationId: string;
  cooperationTitle: string;
  /** The event that answers it, when there is one. */
  action: string | null;
  /** Last day (in Germany) to act; null when no deadline runs. */
  deadlineOn: CalendarDate | null;
  text: Bilingual;
  caseId?: string;
  period?: string;
}

export function inboxOf(state: CooperationState, actor: Actor, now: Date): InboxItem[] {
  const ctx = state.context;
  const ags = actor.municipality;
  if (!ags) return [];
  const phase = phaseOf(state.value);
  const today = germanDate(now);
  const horizon = addDays(today, INBOX_HORIZON_DAYS);
  const item = (kind: InboxKind, action: string | null, deadlineOn: CalendarDate | null, text: Bilingual) => ({
    kind,
    cooperationId: ctx.id,
    cooperationTitle: ctx.title,
    action,
    deadlineOn,
    text,
  });
  const items: InboxItem[] = [];

  if (ctx.members[ags]?.status === 'invited' && actor.role === 'coordinator') {
    items.push(
      item('invitation', 'ACCEPT_INVITATION', null, {
        de: `Einladung zu „${ctx.title}“ beantworten`,
        en: `Answer the invitation to '${ctx.title}'`,
      }),
    );
  }
  if (actor.role === 'coordinator' && isParticipant(ctx, ags)) items.push(...signaturesMissing(ctx, phase, ags, item));
  if (actor.role === 'coordinator' && phase === 'active') {
    for (const p of reportingPeriods(ctx, now)) {
      if (p.reporter !== ags || (p.status !== 'due' && p.status !== 'overdue')) continue;
      items.push({
        ...item('report', 'SUBMIT_REPORT', p.dueOn, {
          de: `Bericht ${p.period} ${p.status === 'overdue' ? 'überfällig seit' : 'fällig am'} ${p.dueOn}`,
          en: `Report ${p.period} ${p.status === 'overdue' ? 'overdue since' : 'due on'} ${p.dueOn}`,
        }),
        period: p.period,
      });
    }
  }
  for (const c of escalationQueue(ctx, now, actor.role === 'steering-board' ? { actor } : {})) {
    const mine = actor.role === 'steering-board';
    if (!mine && !(c.parties.includes(ags) && c.deadlineOn <= horizon)) continue;
    items.push({
      ...item(mine ? 'case' : 'deadline', mine ? 'RESOLVE_CASE' : null, c.deadlineOn, {
        de: `Fall ${c.number} „${c.subject}“ (${c.levelName}): Frist ${c.deadlineOn}`,
        en: `Case ${c.number} '${c.subject}' (${c.levelName}): deadline ${c.deadlineOn}`,
      }),
      caseId: c.caseId,
    });
  }
  for (const r of ctx.membership.exitRequests) {
    if (r.status !== 'pending' || r.municipality !== ags || r.effectiveOn > horizon) continue;
    items.push(
      item('deadline', null, r.effectiveOn, {
        de: `Ausscheiden wirksam am ${r.effectiveOn}`,
        en: `Exit takes effect on ${r.effectiveOn}`,
      }),
    );
  }
  return items;
}

function signaturesMissing(
  ctx: CooperationContext,
  phase: string,
  ags: string,
  item: (kind: InboxKind, action: string, deadlineOn: null, text: Bilingual) => InboxItem,
): InboxItem[] {
  const loi = currentLoi(ctx);
  const contract = currentContract(ctx);
  const unsigned = (signatures: ReadonlyArray<{ municipality: string; version: number }>, version: number) =>
    !signatures.some((s) => s.municipality === ags && s.version === version);
  if (phase === 'letterOfIntent' && loi && unsigned(ctx.loi.signatures, loi.version)) {
    return [
      item('signature', 'SIGN_LOI', null, {
        de: `Absichtserklärung Fassung ${loi.version} unterzeichnen`,
        en: `Sign version ${loi.version} of the letter of intent`,
      }),
    ];
  }
  if (phase === 'contract' && contract && unsigned(ctx.contract.signatures, contract.version)) {
    return [
      item('signature', 'SIGN_CONTRACT', null, {
        de: `Vertrag Fassung ${contract.version} unterzeichnen`,
        en: `Sign version ${contract.version} of the contract`,
      }),
    ];
  }
  return [];
}

const KIND_ORDER: readonly InboxKind[] = ['invitation', 'signature', 'report', 'case', 'deadline'];

/** Soonest deadline first, then those without one; ties by kind, cooperation title and id. */
export function byDeadline(a: InboxItem, b: InboxItem): number {
  if (a.deadlineOn !== b.deadlineOn) {
    if (a.deadlineOn === null) return 1;
    if (b.deadlineOn === null) return -1;
    return a.deadlineOn < b.deadlineOn ? -1 : 1;
  }
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.cooperationTitle.localeCompare(b.cooperationTitle, 'de') ||
    (a.cooperationId < b.cooperationId ? -1 : a.cooperationId > b.cooperationId ? 1 : 0)
  );
}
