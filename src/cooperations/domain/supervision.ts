import { type CalendarDate, germanDate } from './calendar';
import {
  type CooperationContext,
  type CouncilResolution,
  currentContract,
  type MemberNotificationRecord,
  participants,
  type SupervisoryStep,
} from './cooperation';
import type { ContractText } from './events';
import {
  type Authority,
  type AuthorityDesignation,
  approvalRule,
  bezirksregierung,
  type Bilingual,
  type Competence,
  councilDecisionRequirement,
  deriveCompetence,
  entryIntoForce,
  evaluateApproval,
  isAuthority,
  lowerStateAuthority,
  MINISTRY,
  notificationPlan,
  notificationRule,
  REGIERUNGSBEZIRKE,
  supervisoryRule,
} from './legal';
import type { MunicipalityRef } from './municipality';

/*
 * The rule core (legal/) applied to a cooperation: which supervisory procedure is running (the
 * conclusion of the contract, or an amendment while active), who is competent for it, and what its
 * record still lacks. Every rule is taken in the version in force on the date of the legal act —
 * the receipt of the application — and only "today" where no act is recorded yet.
 */

/** What one supervisory procedure is about. */
export interface Procedure {
  kind: 'conclusion' | 'amendment' | 'dissolution';
  text: ContractText & { version: number };
  /** The parties after the change (for an amendment: the partners and those joining). */
  members: MunicipalityRef[];
  councilResolutions: readonly CouncilResolution[];
  supervisoryStep: SupervisoryStep | null;
  memberNotifications: readonly MemberNotificationRecord[];
}

/** True once the contract is in force: procedure events then belong to an amendment. */
export const isInForce = (ctx: CooperationContext): boolean => ctx.contract.inForceSince !== null;

export function conclusionProcedure(ctx: CooperationContext): Procedure | undefined {
  const text = currentContract(ctx);
  if (!text) return undefined;
  return {
    kind: 'conclusion',
    text,
    members: participants(ctx),
    councilResolutions: ctx.contract.councilResolutions.filter((r) => r.version === text.version),
    supervisoryStep:
      ctx.contract.supervisoryStep?.contractVersion === text.version ? ctx.contract.supervisoryStep : null,
    memberNotifications: (ctx.contract.memberNotifications ?? []).filter((n) => n.contractVersion === text.version),
  };
}

export function amendmentProcedure(ctx: CooperationContext): Procedure | undefined {
  const a = ctx.contract.pendingAmendment;
  if (!a) return undefined;
  const leaving = new Set(a.leaving ?? []);
  return {
    kind: 'amendment',
    text: { ...a.text, version: a.version },
    members: [...participants(ctx).filter((m) => !leaving.has(m.ags)), ...a.joining].sort((x, y) =>
      x.ags < y.ags ? -1 : x.ags > y.ags ? 1 : 0,
    ),
    councilResolutions: a.councilResolutions,
    supervisoryStep: a.supervisoryStep,
    memberNotifications: a.memberNotifications,
  };
}

/**
 * The forms whose dissolution by agreement runs a supervisory procedure recorded on the open
 * proposal (RECORD_SUPERVISORY_STEP): the Zweckverband's approval and publication (§ 20 Abs. 2 S. 1
 * Halbs. 2, Abs. 4 GkG NRW); the Aufhebung of an öffentlich-rechtliche Vereinbarung, notified to the
 * § 29 Abs. 4 authority and published by it (§ 24 Abs. 5 GkG NRW). The gKU's (§ 27, not read) and
 * the private-law forms' (the articles) are not modelled as a procedure.
 */
const DISSOLUTION_PROCEDURE_FORMS: ReadonlySet<string> = new Set([
  'zweckverband',
  'oeffentlich-rechtliche-vereinbarung',
]);

export function dissolutionProcedure(ctx: CooperationContext): Procedure | undefined {
  const text = currentContract(ctx);
  const open = ctx.dissolution.proposals.find((p) => p.status === 'open');
  if (!text || !open || !DISSOLUTION_PROCEDURE_FORMS.has(text.legalForm)) return undefined;
  return {
    kind: 'dissolution',
    text,
    members: participants(ctx),
    councilResolutions: [],
    supervisoryStep: open.supervisoryStep ?? null,
    memberNotifications: [],
  };
}

/** The procedure events refer to now: the open amendment (else a Zweckverband's dissolution) while active, else the conclusion. */
export const currentProcedure = (ctx: CooperationContext): Procedure | undefined =>
  isInForce(ctx) ? (amendmentProcedure(ctx) ?? dissolutionProcedure(ctx)) : conclusionProcedure(ctx);

/** Authorities a record may name: the Bezirksregierungen, the Ministry, the members' lower state authorities. */
export function resolveAuthority(recorded: string, members: readonly MunicipalityRef[]): Authority | undefined {
  const candidates = [...REGIERUNGSBEZIRKE.map(bezirksregierung), MINISTRY, ...members.map(lowerStateAuthority)];
  return candidates.find((a) => isAuthority(recorded, a));
}

function designationOf(proc: Procedure): AuthorityDesignation | undefined {
  const d = proc.supervisoryStep?.designation;
  if (!d) return undefined;
  const authority = resolveAuthority(d.authority, proc.members);
  const designatedBy = resolveAuthority(d.designatedBy, proc.members);
  if (!authority || !designatedBy || designatedBy.id !== MINISTRY.id) return undefined;
  return { authority, designatedBy, designatedOn: d.designatedOn, reference: d.reference };
}

/** The competent authority for the procedure, by the rule in force on `on` (§ 29 GkG, § 115 GO NRW). */
export function competenceOf(proc: Procedure, on: CalendarDate): Competence {
  const seat = proc.members.find((m) => m.ags === proc.text.seat);
  return deriveCompetence({
    form: proc.text.legalForm,
    members: proc.members,
    seat,
    taskBody: proc.text.seat,
    designation: designationOf(proc),
    on,
  });
}

/** The date of the legal act the rules are taken at: receipt of the application, else today. */
export const actDate = (proc: Procedure, today: CalendarDate): CalendarDate =>
  proc.supervisoryStep?.submittedOn ?? today;

function authorityMissing(proc: Procedure, recorded: string, on: CalendarDate): string[] {
  const c = competenceOf(proc, on);
  switch (c.status) {
    case 'determined':
      return isAuthority(recorded, c.authority) ? [] : [`supervisoryStep.authority:${c.authority.names.deMale}`];
    case 'designation-required':
      return [`supervisoryStep.designation:${c.designatedBy.id}`];
    case 'incomplete':
      return c.missing.map((m) => `competence:${m}`);
    case 'per-member':
    case 'none':
      return [];
  }
}

function approvalOf(proc: Procedure, step: SupervisoryStep, today: CalendarDate) {
  const rule = approvalRule(proc.text.legalForm, step.submittedOn);
  if (!rule) return undefined;
  const decision = step.approvedOn
    ? { kind: 'approved' as const, on: step.approvedOn }
    : step.refusedOn
      ? { kind: 'refused' as const, on: step.refusedOn }
      : undefined;
  return evaluateApproval(
    rule,
    {
      receivedOn: step.submittedOn,
      ...(step.objectedOn ? { concernsCommunicatedOn: step.objectedOn } : {}),
      ...(step.discussionScheduledOn ? { discussionScheduledOn: step.discussionScheduledOn } : {}),
      ...(decision ? { decision } : {}),
    },
    today,
  );
}

/**
 * The deemed approval (§ 24 Abs. 2, § 10 Abs. 1 S. 2 GkG NRW) the running procedure is heading
 * for as its record stands: the application received, no express decision, no discussion
 * scheduled in time. `fictionOn` is its first day; a later record (concerns, a decision) moves or
 * ends it. Evaluated as of the receipt, so the answer does not change with the clock.
 */
export function pendingDeemedApproval(
  ctx: CooperationContext,
): { procedure: Procedure; fictionOn: CalendarDate } | undefined {
  const procedure = currentProcedure(ctx);
  const step = procedure?.supervisoryStep;
  if (!procedure || !step || step.kind !== 'approval' || !step.submittedOn) return undefined;
  if (supervisoryRule(procedure.text.legalForm, procedure.kind, step.submittedOn)?.kind !== 'approval') {
    return undefined;
  }
  const ev = approvalOf(procedure, step, step.submittedOn);
  return ev?.status === 'pending' && ev.fictionOn ? { procedure, fictionOn: ev.fictionOn } : undefined;
}

function approvalMissing(proc: Procedure, step: SupervisoryStep, today: CalendarDate): string[] {
  const ev = approvalOf(proc, step, today);
  if (!ev) return [];
  switch (ev.status) {
    case 'approved':
      return [];
    case 'refused':
      return ['supervisoryStep.refusedOn'];
    case 'deemed-approved':
      // The parties claim the fiction, so the record says no express decision came in time.
      return step.deemedApproval ? [] : ['supervisoryStep.approvedOn'];
    case 'pending':
      return step.deemedApproval
        ? [`supervisoryStep.deemedApprovalOn:${ev.fictionOn}`]
        : ['supervisoryStep.approvedOn'];
    case 'awaiting-decision':
      return ['supervisoryStep.approvedOn'];
  }
}

/** § 24 Abs. 4 GkG NRW: the day after the authority's publication, or a later date the text sets. */
export function legalEffectOn(proc: Procedure): { effectiveOn?: CalendarDate; warnings: Bilingual[] } {
  const published = proc.supervisoryStep?.publishedOn;
  if (!published) return { ...(proc.text.effectiveOn ? { effectiveOn: proc.text.effectiveOn } : {}), warnings: [] };
  const e = entryIntoForce(
    proc.members.map((m) => m.ags),
    { authorityPublishedOn: published, ...(proc.text.effectiveOn ? { agreedEffectiveOn: proc.text.effectiveOn } : {}) },
  );
  return { ...(e.effectiveOn ? { effectiveOn: e.effectiveOn } : {}), warnings: e.warnings };
}

/**
 * § 24 Abs. 5 S. 2 with Abs. 4 GkG NRW: an agreed cancellation of an öffentlich-rechtliche
 * Vereinbarung takes effect the day after the authority's publication, or on the later day the
 * partners agreed (`effectiveOn` of the proposal). Other forms: none derived (the Zweckverband's
 * § 11 GkG NRW was not read).
 */
export function dissolutionEffectiveOn(proc: Procedure, agreedEffectiveOn?: CalendarDate): CalendarDate | undefined {
  const published = proc.supervisoryStep?.publishedOn;
  if (proc.kind !== 'dissolution' || proc.text.legalForm !== 'oeffentlich-rechtliche-vereinbarung' || !published) {
    return undefined;
  }
  return entryIntoForce(
    proc.members.map((m) => m.ags),
    { authorityPublishedOn: published, ...(agreedEffectiveOn ? { agreedEffectiveOn } : {}) },
  ).effectiveOn;
}

/** The first day of legal effect once the procedure is complete; `today` where no rule sets one. */
export const inForceOn = (proc: Procedure, today: CalendarDate): CalendarDate =>
  legalEffectOn(proc).effectiveOn ?? today;

/** § 115 Abs. 1 GO NRW: each member's notification to its own authority, counted back from the start of execution. */
function memberNotificationsMissing(proc: Procedure, on: CalendarDate): string[] {
  const rule = notificationRule(on);
  if (!rule) return ['notificationRule'];
  const recorded = proc.memberNotifications.map((n) => ({
    ags: n.municipality,
    authority: n.authority,
    submittedOn: n.submittedOn,
    ...(n.periodSetByAuthority
      ? {
          periodSetByAuthority: {
            period: { amount: n.periodSetByAuthority.amount, unit: n.periodSetByAuthority.unit },
            decidedOn: n.periodSetByAuthority.decidedOn,
            reference: n.periodSetByAuthority.reference,
          },
        }
      : {}),
  }));
  const plan = notificationPlan(rule, proc.members, proc.text.effectiveOn ?? proc.text.term.start, recorded);
  return plan.members.flatMap((m) => {
    switch (m.state) {
      case 'in-time':
        return [];
      case 'missing':
        return [`memberNotification:${m.ags}`];
      case 'wrong-authority':
        return [`memberNotification.authority:${m.ags}:${m.authority.id}`];
      case 'late':
        return [`memberNotification.submittedOn:${m.ags}:${m.latestOn}`];
    }
  });
}

/** What the procedure's supervisory record still lacks (OBL-SUPERVISORY-STEP and its amendment twin). */
export function supervisoryMissing(proc: Procedure, now: Date): string[] {
  const today = germanDate(now);
  const step = proc.supervisoryStep;
  const on = actDate(proc, today);
  const req = supervisoryRule(proc.text.legalForm, proc.kind, on);
  if (!req) return [`supervisoryRule:${proc.text.legalForm}:${proc.kind}`];
  if (req.kind === 'none') return [];
  if (req.kind === 'notification-6-weeks-ahead') return memberNotificationsMissing(proc, on);
  const expectedKind = req.kind;
  if (!step) return [`supervisoryStep:${expectedKind}`];
  const missing: string[] = [];
  if (step.kind !== expectedKind) missing.push(`supervisoryStep.kind:${expectedKind}`);
  missing.push(...authorityMissing(proc, step.authority, on));
  if (req.kind === 'approval') missing.push(...approvalMissing(proc, step, today));
  if (req.publicationRequired && !step.publishedOn) missing.push('supervisoryStep.publishedOn');
  else if (req.kind === 'approval' && proc.kind !== 'dissolution') {
    // A dissolution enters `dissolving` with its publication; it takes effect the day after (§ 20 Abs. 4 → § 11, reading).
    const effective = legalEffectOn(proc).effectiveOn;
    if (effective && today < effective) missing.push(`supervisoryStep.inForceFrom:${effective}`);
  }
  return missing;
}

/** Every party's resolution on the version (any route § 60 GO NRW allows); none for an Arbeitsgemeinschaft. */
export function councilMissing(proc: Procedure): string[] {
  if (!councilDecisionRequirement(proc.text.legalForm, 'Gemeinde').required) return [];
  return proc.members
    .filter((m) => !proc.councilResolutions.some((r) => r.municipality === m.ags && r.version === proc.text.version))
    .map((m) => `councilResolution:${m.ags}`);
}
