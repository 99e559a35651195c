import type { Actor } from '../actor';
import type { CooperationContext, CouncilResolution, MemberNotificationRecord, SupervisoryStep } from '../cooperation';
import { isParticipant } from '../cooperation';
import type { Bilingual } from '../obligations.catalog';
import { type FieldError, fieldError } from '../schema';
import { currentProcedure, dissolutionProcedure, isInForce } from '../supervision';

/*
 * The events of a supervisory procedure (resolutions, the supervisory step, members' notifications)
 * write into the procedure running now: the conclusion of the contract before entry into force,
 * the open amendment afterwards (supervision.ts).
 */

export interface ProcedureRecord {
  councilResolutions: CouncilResolution[];
  supervisoryStep: SupervisoryStep | null;
  memberNotifications: MemberNotificationRecord[];
}

export function withProcedure(
  ctx: CooperationContext,
  change: (record: ProcedureRecord) => Partial<ProcedureRecord>,
): CooperationContext {
  const pending = ctx.contract.pendingAmendment;
  if (isInForce(ctx) && pending) {
    return { ...ctx, contract: { ...ctx.contract, pendingAmendment: { ...pending, ...change(pending) } } };
  }
  const dissolution = isInForce(ctx) ? dissolutionProcedure(ctx) : undefined;
  if (dissolution) {
    // Only the supervisory step belongs to a dissolution; the assembly votes (RECORD_ASSEMBLY_VOTE).
    const { supervisoryStep = dissolution.supervisoryStep } = change({
      councilResolutions: [],
      supervisoryStep: dissolution.supervisoryStep,
      memberNotifications: [],
    });
    const proposals = ctx.dissolution.proposals.map((p) => (p.status === 'open' ? { ...p, supervisoryStep } : p));
    return { ...ctx, dissolution: { ...ctx.dissolution, proposals } };
  }
  const c = ctx.contract;
  const record = {
    councilResolutions: c.councilResolutions,
    supervisoryStep: c.supervisoryStep,
    memberNotifications: c.memberNotifications ?? [],
  };
  return { ...ctx, contract: { ...c, ...change(record) } };
}

const NO_CONTRACT: Bilingual = { de: 'Es liegt noch kein Vertragsentwurf vor.', en: 'There is no contract draft yet.' };
const NO_AMENDMENT: Bilingual = {
  de: 'Es liegt keine offene Änderung vor.',
  en: 'There is no open amendment.',
};

/** A procedure is running: a contract draft, or (once in force) an open amendment. */
export const needsProcedure = (ctx: CooperationContext): Bilingual | null =>
  currentProcedure(ctx) ? null : isInForce(ctx) ? NO_AMENDMENT : NO_CONTRACT;

export const versionIsCurrent = (ctx: CooperationContext, version: number): FieldError[] => {
  const current = currentProcedure(ctx)!.text.version;
  return version === current ? [] : [fieldError('version', 'rules.notCurrentVersion', { current })];
};

/** A partner, or a municipality joining with the open amendment. */
export const asParty = (ctx: CooperationContext, actor: Actor): Bilingual | null =>
  isParticipant(ctx, actor.municipality) ||
  (currentProcedure(ctx)?.members.some((m) => m.ags === actor.municipality) ?? false)
    ? null
    : {
        de: 'Nur beteiligte oder beitretende Kommunen dürfen dieses Ereignis auslösen.',
        en: 'Only participating or joining municipalities may send this event.',
      };
