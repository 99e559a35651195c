import type { Actor } from '../actor';
import { type CooperationContext, type EscalationCase, isParticipant } from '../cooperation';
import { closeCase, conflictLevels, escalateCase, findCase, isLastLevel, mayActOnCase, openCase } from '../escalation';
import type { Bilingual } from '../obligations.catalog';
import { type FieldError, fieldError } from '../schema';
import {
  asParticipant,
  BOARD_MEMBERS,
  COORDINATORS,
  type EventRule,
  mustParticipate,
  system,
  SYSTEM,
  touched,
} from './rule';

// ---- escalation [P6] ------------------------------------------------------------------------

const NO_PROCEDURE = {
  de: 'Der Vertrag regelt kein Konfliktverfahren.',
  en: 'The contract has no conflict procedure.',
};

export const RAISE_CONFLICT: EventRule<'RAISE_CONFLICT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx) => (conflictLevels(ctx).length > 0 ? null : NO_PROCEDURE),
  validate: (ctx, e) =>
    e.parties.flatMap((p, i) => [
      ...mustParticipate(ctx, p, `parties[${i}]`),
      ...(e.parties.indexOf(p) < i ? [fieldError(`parties[${i}]`, 'rules.twice')] : []),
    ]),
  apply: (ctx, e, meta) =>
    touched(
      openCase(
        ctx,
        {
          subject: e.subject,
          description: e.description,
          parties: e.parties,
          origin: { kind: 'raised', municipality: meta.actor.municipality! },
        },
        meta,
      ).ctx,
      meta.at,
    ),
};

const asBoardMember = (ctx: CooperationContext, actor: Actor): Bilingual | null =>
  isParticipant(ctx, actor.municipality)
    ? null
    : {
        de: 'Nur Gremienmitglieder beteiligter Kommunen entscheiden über Konfliktfälle.',
        en: 'Only board members of participating municipalities decide conflict cases.',
      };

const atCaseLevel = (ctx: CooperationContext, e: { caseId: string }, actor: Actor): Bilingual | null => {
  const c = findCase(ctx, e.caseId);
  return !c || c.status !== 'open' || mayActOnCase(ctx, actor, c)
    ? null
    : {
        de: `Über Fall ${c.number} entscheidet auf Stufe ${c.level} ein anderes Gremium.`,
        en: `Case ${c.number} is decided by another body at level ${c.level}.`,
      };
};

const openCaseErrors = (ctx: CooperationContext, caseId: string): FieldError[] => {
  const c = findCase(ctx, caseId);
  if (!c) return [fieldError('caseId', 'rules.noCase', { id: caseId })];
  return c.status === 'open' ? [] : [fieldError('caseId', 'rules.caseClosed', { number: c.number, status: c.status })];
};

/** An open case whose level allows the decision: `refusal` names why not, given whether it is at the last level. */
const levelErrors = (
  ctx: CooperationContext,
  caseId: string,
  refusal: (c: EscalationCase, last: boolean) => FieldError | null,
): FieldError[] => {
  const errors = openCaseErrors(ctx, caseId);
  const c = findCase(ctx, caseId);
  const refused = errors.length === 0 && c ? refusal(c, isLastLevel(ctx, c)) : null;
  return refused ? [...errors, refused] : errors;
};

export const RESOLVE_CASE: EventRule<'RESOLVE_CASE'> = {
  roles: BOARD_MEMBERS,
  authorize: asBoardMember,
  authorizeEvent: atCaseLevel,
  validate: (ctx, e) => openCaseErrors(ctx, e.caseId),
  apply: (ctx, e, meta) =>
    touched(closeCase(ctx, findCase(ctx, e.caseId)!, 'resolved', 'resolved', e.decision, meta), meta.at),
};

export const ESCALATE_CASE: EventRule<'ESCALATE_CASE'> = {
  roles: BOARD_MEMBERS,
  authorize: asBoardMember,
  authorizeEvent: atCaseLevel,
  validate: (ctx, e) =>
    levelErrors(ctx, e.caseId, (c, last) =>
      last ? fieldError('caseId', 'rules.lastLevel', { number: c.number }) : null,
    ),
  apply: (ctx, e, meta) => touched(escalateCase(ctx, findCase(ctx, e.caseId)!, 'escalated', e.reason, meta), meta.at),
};

export const DECLARE_CASE_FAILED: EventRule<'DECLARE_CASE_FAILED'> = {
  roles: BOARD_MEMBERS,
  authorize: asBoardMember,
  authorizeEvent: atCaseLevel,
  validate: (ctx, e) =>
    levelErrors(ctx, e.caseId, (c, last) =>
      last ? null : fieldError('caseId', 'rules.notLastLevel', { number: c.number, level: c.level }),
    ),
  apply: (ctx, e, meta) =>
    touched(closeCase(ctx, findCase(ctx, e.caseId)!, 'failed', 'declared-failed', e.reason, meta), meta.at),
};

// ---- system events (durable timers, see `system`) -----------------------------------------

export const CASE_DEADLINE_PASSED: EventRule<'CASE_DEADLINE_PASSED'> = {
  roles: SYSTEM,
  authorize: system,
  apply: (ctx, e, meta) => {
    const c = findCase(ctx, e.caseId);
    if (!c || c.status !== 'open' || c.level !== e.level) return ctx;
    const text = `Antwortfrist der Stufe ${c.level} am ${c.deadlineOn} abgelaufen`;
    return touched(
      isLastLevel(ctx, c)
        ? closeCase(ctx, c, 'failed', 'failed-automatically', text, meta)
        : escalateCase(ctx, c, 'escalated-automatically', text, meta),
      meta.at,
    );
  },
};
