import { createHash } from 'node:crypto';
import { isUuid } from '../../common/domain/identifiers';
import type { Actor, EventMeta } from './actor';
import { addDuration, type CalendarDate, endOfDayInGermany, germanDate } from './calendar';
import {
  type CaseAction,
  type CaseOrigin,
  type CooperationContext,
  currentContract,
  type EscalationCase,
  isParticipant,
  type ScheduledTimer,
} from './cooperation';
import type { ConflictLevel } from './events';
import type { Ags } from './municipality';
import { caseDeadlineKey, withTimers } from './timers';

/*
 * Escalation cases [P6]. A case opens at level 1 of the contract's conflict procedure and walks
 * its levels: at each level the body resolves it or escalates it; a level that misses its response
 * deadline escalates automatically; at the last level (mediator, or conciliation by the supervisory
 * authority, § 30 GkG NRW) the case is resolved or fails — also automatically when the last level
 * misses its deadline (the procedure is then exhausted, which is what an exit may rely on [P7]).
 *
 * Who acts for a body (actor role `steering-board`):
 * - level 1: the steering body from planning — a board member whose municipality is among the
 *   steering body's members and still a partner;
 * - later levels (escalation body, mediator, supervisory conciliation): a board member of any
 *   partner municipality records the body's decision. Mediators and authorities hold no accounts;
 *   the partners' board members record what they decided.
 * The body's decision rule (e.g. unanimity) is applied in its meeting, not here.
 */

/** UUID version 5 (RFC 9562, SHA-1 name-based) of `name` in the namespace `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const ns = isUuid(namespace)
    ? Buffer.from(namespace.replace(/-/g, ''), 'hex')
    : createHash('sha1').update(namespace, 'utf8').digest().subarray(0, 16);
  const bytes = createHash('sha1')
    .update(Buffer.concat([ns, Buffer.from(name, 'utf8')]))
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the cooperation's `number`-th case: UUID v5 in the cooperation's id. Deterministic, so
 * replaying the history (or deciding the same event twice) yields the same id; no adapter input.
 */
export const caseIdFor = (cooperationId: string, number: number): string =>
  uuidV5(cooperationId, `escalation-case:${number}`);

export function conflictLevels(ctx: CooperationContext): ConflictLevel[] {
  return currentContract(ctx)?.conflictProcedure?.levels ?? [];
}

export function findCase(ctx: CooperationContext, caseId: string): EscalationCase | undefined {
  return ctx.escalation.cases.find((c) => c.id === caseId);
}

export const isLastLevel = (ctx: CooperationContext, c: EscalationCase): boolean =>
  c.level >= conflictLevels(ctx).length;

/** The municipalities whose steering-board members act for the body at `level` (1-based). */
export function bodyMunicipalities(ctx: CooperationContext, level: number): Ags[] {
  const partners = Object.values(ctx.members)
    .filter((m) => m.status === 'active')
    .map((m) => m.ags);
  const members =
    level === 1
      ? partners.filter((ags) => ctx.governance.steeringBody?.members.some((m) => m.municipality === ags))
      : partners;
  return members.sort();
}

/** May `actor` resolve, escalate or fail `c` at its current level? */
export function mayActOnCase(ctx: CooperationContext, actor: Actor, c: EscalationCase): boolean {
  return isParticipant(ctx, actor.municipality) && mayActInBody(bodyMunicipalities(ctx, c.level), actor);
}

/**
 * May `actor` act for a body of these municipalities (`bodyMunicipalities`, all of them active
 * partners)? `mayActOnCase` given the body, e.g. of a queue entry.
 */
export const mayActInBody = (body: readonly Ags[], actor: Actor): boolean =>
  actor.role === 'steering-board' && actor.municipality !== undefined && body.includes(actor.municipality);

export interface LevelDeadline {
  deadlineOn: CalendarDate;
  deadlineAt: string;
}

/** The response deadline of `level` (1-based) for a level reached at instant `since`. */
export function levelDeadline(ctx: CooperationContext, level: number, since: string): LevelDeadline {
  const l = conflictLevels(ctx)[level - 1];
  const start = germanDate(new Date(since));
  const deadlineOn = l ? addDuration(start, l.responseDeadline) : start;
  return { deadlineOn, deadlineAt: endOfDayInGermany(deadlineOn).toISOString() };
}

export function caseDeadlineTimer(c: EscalationCase): ScheduledTimer {
  return {
    key: caseDeadlineKey(c.id, c.level),
    dueAt: c.deadlineAt,
    event: { type: 'CASE_DEADLINE_PASSED', caseId: c.id, level: c.level, dueAt: c.deadlineAt },
  };
}

const stepBy = ({ actor }: EventMeta) => ({
  sub: actor.sub,
  role: actor.role,
  municipality: actor.municipality ?? null,
});

/** Opens a case at level 1 and starts its deadline. */
export function openCase(
  ctx: CooperationContext,
  fields: { subject: string; description: string; parties: Ags[]; origin: CaseOrigin },
  meta: EventMeta,
): { ctx: CooperationContext; case: EscalationCase } {
  const number = ctx.escalation.cases.length + 1;
  const c: EscalationCase = {
    id: caseIdFor(ctx.id, number),
    number,
    ...fields,
    parties: [...new Set(fields.parties)].sort(),
    raisedAt: meta.at,
    status: 'open',
    level: 1,
    levelSince: meta.at,
    ...levelDeadline(ctx, 1, meta.at),
    decision: null,
    closedAt: null,
    steps: [
      {
        at: meta.at,
        level: 1,
        action: fields.origin.kind === 'raised' ? 'raised' : 'opened-automatically',
        by: stepBy(meta),
        text: null,
      },
    ],
  };
  const next = withTimers({ ...ctx, escalation: { cases: [...ctx.escalation.cases, c] } }, [caseDeadlineTimer(c)]);
  return { ctx: next, case: c };
}

function replaceCase(ctx: CooperationContext, c: EscalationCase): CooperationContext {
  return { ...ctx, escalation: { cases: ctx.escalation.cases.map((x) => (x.id === c.id ? c : x)) } };
}

/** Moves an open case to the next level with a fresh deadline (counted from now). */
export function escalateCase(
  ctx: CooperationContext,
  c: EscalationCase,
  action: Extract<CaseAction, 'escalated' | 'escalated-automatically'>,
  text: string | null,
  meta: EventMeta,
): CooperationContext {
  const level = c.level + 1;
  const next: EscalationCase = {
    ...c,
    level,
    levelSince: meta.at,
    ...levelDeadline(ctx, level, meta.at),
    steps: [...c.steps, { at: meta.at, level: c.level, action, by: stepBy(meta), text }],
  };
  return withTimers(replaceCase(ctx, next), [caseDeadlineTimer(next)], [caseDeadlineKey(c.id, c.level)]);
}

/** Closes a case (resolved, failed, closed) and cancels its deadline. */
export function closeCase(
  ctx: CooperationContext,
  c: EscalationCase,
  status: Exclude<EscalationCase['status'], 'open'>,
  action: CaseAction,
  text: string | null,
  meta: EventMeta,
): CooperationContext {
  const next: EscalationCase = {
    ...c,
    status,
    decision: status === 'resolved' ? text : c.decision,
    closedAt: meta.at,
    steps: [...c.steps, { at: meta.at, level: c.level, action, by: stepBy(meta), text }],
  };
  return withTimers(replaceCase(ctx, next), [], [caseDeadlineKey(c.id, c.level)]);
}

// ---- the steering board's queue ------------------------------------------------------------

export interface QueueEntry {
  cooperationId: string;
  cooperationTitle: string;
  caseId: string;
  number: number;
  subject: string;
  parties: Ags[];
  origin: CaseOrigin;
  raisedAt: string;
  /** Current level, 1-based, and the body that has to answer there. */
  level: number;
  levelName: string;
  levelKind: ConflictLevel['kind'] | null;
  body: string;
  /** Municipalities whose steering-board members may act at this level. */
  bodyMunicipalities: Ags[];
  isLastLevel: boolean;
  levelSince: string;
  deadlineOn: CalendarDate;
  deadlineAt: string;
  /** The deadline has passed (the automatic escalation is due or under way). */
  overdue: boolean;
}

/** A queue entry without `overdue`, which depends on when it is read: what is stored with the case. */
export type StoredQueueEntry = Omit<QueueEntry, 'overdue'>;

/** Case `c` of `ctx` (whatever its status) as the steering board's queue shows it. */
export function queueEntryOf(
  ctx: CooperationContext,
  c: EscalationCase,
  levels: readonly ConflictLevel[] = conflictLevels(ctx),
): StoredQueueEntry {
  const level = levels[c.level - 1];
  return {
    cooperationId: ctx.id,
    cooperationTitle: ctx.title,
    caseId: c.id,
    number: c.number,
    subject: c.subject,
    parties: c.parties,
    origin: c.origin,
    raisedAt: c.raisedAt,
    level: c.level,
    levelName: level?.name ?? `Stufe ${c.level}`,
    levelKind: level?.kind ?? null,
    body: level?.body ?? '',
    bodyMunicipalities: bodyMunicipalities(ctx, c.level),
    isLastLevel: c.level >= levels.length,
    levelSince: c.levelSince,
    deadlineOn: c.deadlineOn,
    deadlineAt: c.deadlineAt,
  };
}

export interface QueueFilter {
  /** Only cases this actor may act on (role steering-board, municipality in the level's body). */
  actor?: Actor;
  level?: number;
  /** Matches the body's name exactly. */
  body?: string;
}

/**
 * The open cases of one cooperation as queue entries, oldest deadline first. The adapter merges the
 * entries of several cooperations by `deadlineAt` (then `caseId`) for `GET /escalations`.
 */
export function escalationQueue(ctx: CooperationContext, now: Date, filter: QueueFilter = {}): QueueEntry[] {
  const levels = conflictLevels(ctx);
  return ctx.escalation.cases
    .filter((c) => c.status === 'open')
    .filter((c) => !filter.actor || mayActOnCase(ctx, filter.actor, c))
    .filter((c) => filter.level === undefined || c.level === filter.level)
    .map((c): QueueEntry => ({
      ...queueEntryOf(ctx, c, levels),
      overdue: now.getTime() >= Date.parse(c.deadlineAt),
    }))
    .filter((e) => filter.body === undefined || e.body === filter.body)
    .sort((a, b) =>
      a.deadlineAt !== b.deadlineAt ? (a.deadlineAt < b.deadlineAt ? -1 : 1) : a.caseId < b.caseId ? -1 : 1,
    );
}
