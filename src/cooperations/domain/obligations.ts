import type { Actor } from './actor';
import { addDays, germanDate } from './calendar';
import {
  adoptedLoi,
  type CooperationContext,
  currentContract,
  currentLoi,
  participants,
  type Signature,
} from './cooperation';
import { findCase } from './escalation';
import type { Duration, LifecycleEvent } from './events';
import { noticePeriodRequired } from './legal/obligation-nature';
import { isAuthority, ownSupervisoryAuthority } from './legal/authorities';
import { competentAuthority, type ExitRule, isCompetentAuthority, legalFormRule } from './legal-forms';
import { exitEffectiveOn } from './membership';
import type { ObligationId } from './obligations.catalog';
import { amendmentResolutionsMissing, amendmentSignaturesMissing, dissolutionMissing } from './obligations.procedures';
import { amendmentProcedure, conclusionProcedure, councilMissing, supervisoryMissing } from './supervision';
import { applyWaivers } from './waivers';

export interface ObligationResult {
  id: ObligationId;
  met: boolean;
  /** What is missing, concretely: `contact:05554036`, `signature:05554052`, `exitTerms.staff`. */
  missing: string[];
}

/**
 * Checks one obligation against the context before the transition and, for the obligations of
 * operation-phase events (PAYLOAD_OBLIGATIONS), against the event's payload.
 */
export type ObligationCheck = (
  ctx: CooperationContext,
  now: Date,
  event?: LifecycleEvent,
  /** Who sends the event (the leaving member of REQUEST_EXIT). */
  actor?: Actor,
) => ObligationResult;

/** Obligations about what an event carries: judged only with a payload (not in `nextEvents`). */
export const PAYLOAD_OBLIGATIONS: ReadonlySet<ObligationId> = new Set<ObligationId>([
  'OBL-REPORT-CRITERIA',
  'OBL-EXIT-ULTIMA-RATIO',
  'OBL-EXIT-PLAN',
  'OBL-EXIT-FORM-STEP',
  'OBL-WINDING-UP',
]);

const result = (id: ObligationId, missing: string[]): ObligationResult => ({
  id,
  met: missing.length === 0,
  missing,
});

const blank = (s: string | undefined | null): boolean => !s || s.trim().length === 0;
const positive = (d: Duration | undefined): boolean => !!d && d.amount > 0;

const unsigned = (ctx: CooperationContext, signatures: Signature[], version: number): string[] =>
  participants(ctx)
    .filter((m) => !signatures.some((s) => s.municipality === m.ags && s.version === version))
    .map((m) => `signature:${m.ags}`);

export const partnersMin: ObligationCheck = (ctx) =>
  result('OBL-PARTNERS-MIN', participants(ctx).length >= 2 ? [] : ['acceptedPartner']);

export const contactAuthority: ObligationCheck = (ctx) =>
  result(
    'OBL-CONTACT-AUTHORITY',
    participants(ctx).flatMap((m) => {
      const c = ctx.contacts[m.ags];
      if (!c || blank(c.name) || blank(c.userSub)) return [`contact:${m.ags}`];
      const a = c.authority;
      return blank(a?.conferredBy) || blank(a?.conferredOn) || blank(a?.scope) ? [`contact.authority:${m.ags}`] : [];
    }),
  );

export const loiContent: ObligationCheck = (ctx) => {
  const loi = currentLoi(ctx);
  if (!loi) return result('OBL-LOI-CONTENT', ['loi']);
  const missing: string[] = [];
  if (blank(loi.expectations)) missing.push('expectations');
  if (!loi.goals.some((g) => !blank(g))) missing.push('goals');
  for (const m of participants(ctx)) {
    if (!loi.responsibilities.some((r) => r.municipality === m.ags && !blank(r.text))) {
      missing.push(`responsibility:${m.ags}`);
    }
    const r = loi.resources.find((x) => x.municipality === m.ags);
    if (!r) {
      missing.push(`resources:${m.ags}`);
      continue;
    }
    if (blank(r.time?.timeline)) missing.push(`resources.time:${m.ags}`);
    if (!((r.personnel?.fte ?? 0) > 0 || (r.personnel?.roles ?? []).some((x) => !blank(x)))) {
      missing.push(`resources.personnel:${m.ags}`);
    }
    if (!Number.isInteger(r.moneyCents) || r.moneyCents < 0) missing.push(`resources.money:${m.ags}`);
  }
  return result('OBL-LOI-CONTENT', missing);
};

export const successCriteria: ObligationCheck = (ctx) => {
  const loi = currentLoi(ctx);
  if (!loi) return result('OBL-SUCCESS-CRITERIA', ['loi']);
  if (loi.successCriteria.length === 0) return result('OBL-SUCCESS-CRITERIA', ['successCriterion']);
  return result(
    'OBL-SUCCESS-CRITERIA',
    loi.successCriteria.flatMap((c, i) => [
      ...(blank(c.indicator) ? [`successCriteria[${i}].indicator`] : []),
      ...(Number.isFinite(c.target) ? [] : [`successCriteria[${i}].target`]),
      ...(blank(c.unit) ? [`successCriteria[${i}].unit`] : []),
    ]),
  );
};

export const loiSignedAll: ObligationCheck = (ctx) => {
  const loi = currentLoi(ctx);
  return result('OBL-LOI-SIGNED-ALL', loi ? unsigned(ctx, ctx.loi.signatures, loi.version) : ['loi']);
};

export const steeringBody: ObligationCheck = (ctx) => {
  const body = ctx.governance.steeringBody;
  if (!body) return result('OBL-STEERING-BODY', ['steeringBody']);
  const missing: string[] = [];
  if (blank(body.kind)) missing.push('steeringBody.kind');
  if (blank(body.name)) missing.push('steeringBody.name');
  if (blank(body.decisionRule)) missing.push('steeringBody.decisionRule');
  for (const m of participants(ctx)) {
    if (!body.members.some((x) => x.municipality === m.ags && !blank(x.name))) {
      missing.push(`steeringBody.member:${m.ags}`);
    }
  }
  return result('OBL-STEERING-BODY', missing);
};

/** Contents of all duties together must cover every indicator of the adopted LoI. */
export const reportingDuties: ObligationCheck = (ctx) => {
  const reporting = ctx.governance.reporting;
  if (!reporting || reporting.duties.length === 0) return result('OBL-REPORTING-DUTIES', ['reportingDuty']);
  const missing: string[] = [];
  reporting.duties.forEach((d, i) => {
    if (d.recipients.length === 0) missing.push(`reportingDuties[${i}].recipients`);
    if (!d.contents.some((c) => !blank(c))) missing.push(`reportingDuties[${i}].contents`);
  });
  const covered = new Set(reporting.duties.flatMap((d) => d.contents.map(normalise)));
  const loi = ctx.loi.versions.find((v) => v.version === ctx.loi.adoptedVersion) ?? currentLoi(ctx);
  for (const c of loi?.successCriteria ?? []) {
    if (!covered.has(normalise(c.indicator))) missing.push(`reportingContent:${c.indicator}`);
  }
  return result('OBL-REPORTING-DUTIES', missing);
};

const normalise = (s: string): string => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

const ESCALATION_BEYOND_PARTIES = new Set(['escalation-body', 'mediator', 'supervisory-conciliation']);

export const conflictProcedure: ObligationCheck = (ctx) => {
  const contract = currentContract(ctx);
  if (!contract) return result('OBL-CONFLICT-PROCEDURE', ['contract']);
  const levels = contract.conflictProcedure?.levels ?? [];
  if (levels.length === 0) return result('OBL-CONFLICT-PROCEDURE', ['conflictProcedure.levels']);
  const missing: string[] = [];
  levels.forEach((l, i) => {
    if (blank(l.name)) missing.push(`conflictProcedure.levels[${i}].name`);
    if (blank(l.body)) missing.push(`conflictProcedure.levels[${i}].body`);
    if (!positive(l.responseDeadline)) missing.push(`conflictProcedure.levels[${i}].responseDeadline`);
  });
  // [P6] names escalation bodies or neutral mediators: the parties' own body alone is not enough.
  if (!levels.some((l) => ESCALATION_BEYOND_PARTIES.has(l.kind))) {
    missing.push('conflictProcedure.escalationBodyOrMediator');
  }
  return result('OBL-CONFLICT-PROCEDURE', missing);
};

const EXIT_SETTLEMENTS = ['costs', 'assets', 'staff', 'it', 'premises', 'vehiclesAndEquipment'] as const;

export const exitTerms: ObligationCheck = (ctx) => {
  const contract = currentContract(ctx);
  if (!contract) return result('OBL-EXIT-TERMS', ['contract']);
  const terms = contract.exitTerms ?? {};
  const missing: string[] = [];
  // § 23 Abs. 5 GkG NRW: termination terms only for an ÖrV unlimited or over 20 years; else "none" is a term.
  const required = noticePeriodRequired(contract.legalForm, {
    start: contract.term.start,
    end: contract.term.end ?? undefined,
  });
  const notice = terms.noticePeriod;
  if (
    required.required ? !positive(notice ?? undefined) : notice === undefined || (notice !== null && !positive(notice))
  ) {
    missing.push('exitTerms.noticePeriod');
  }
  for (const key of EXIT_SETTLEMENTS) if (blank(terms[key])) missing.push(`exitTerms.${key}`);
  return result('OBL-EXIT-TERMS', missing);
};

export const councilResolution: ObligationCheck = (ctx) => {
  const proc = conclusionProcedure(ctx);
  return result('OBL-COUNCIL-RESOLUTION', proc ? councilMissing(proc) : ['contract']);
};

/**
 * Per the legal form's rules in force on receipt of the application (supervision.ts): approval
 * (express, or deemed per § 24 Abs. 2 / § 10 Abs. 1 GkG NRW, which the parties claim) with
 * publication and effect from the day after it; or each member's own notification (§ 115 GO NRW).
 * Always to the competent authority (§ 29 GkG NRW).
 */
export const supervisoryStep: ObligationCheck = (ctx, now) => {
  const proc = conclusionProcedure(ctx);
  return result('OBL-SUPERVISORY-STEP', proc ? supervisoryMissing(proc, now) : ['contract']);
};

export const amendmentResolutions: ObligationCheck = (ctx) =>
  result('OBL-AMENDMENT-RESOLUTIONS', amendmentResolutionsMissing(ctx));

export const amendmentSignedAll: ObligationCheck = (ctx) =>
  result('OBL-AMENDMENT-SIGNED-ALL', amendmentSignaturesMissing(ctx));

export const amendmentSupervisoryStep: ObligationCheck = (ctx, now) => {
  const proc = amendmentProcedure(ctx);
  return result('OBL-AMENDMENT-SUPERVISORY-STEP', proc ? supervisoryMissing(proc, now) : ['amendment']);
};

export const contractSignedAll: ObligationCheck = (ctx) => {
  const contract = currentContract(ctx);
  return result(
    'OBL-CONTRACT-SIGNED-ALL',
    contract ? unsigned(ctx, ctx.contract.signatures, contract.version) : ['contract'],
  );
};

// ---- operation phase -------------------------------------------------------------------------

const payload = <T extends LifecycleEvent['type']>(event: LifecycleEvent | undefined, type: T) =>
  event?.type === type ? (event as Extract<LifecycleEvent, { type: T }>) : undefined;

/** One value for every success criterion of the adopted LoI (matched like the reporting duties). */
export const reportCriteria: ObligationCheck = (ctx, _now, event) => {
  const e = payload(event, 'SUBMIT_REPORT') ?? payload(event, 'CORRECT_REPORT');
  if (!e) return result('OBL-REPORT-CRITERIA', ['payload']);
  const given = new Set(e.values.filter((v) => Number.isFinite(v.value)).map((v) => normalise(v.indicator)));
  return result(
    'OBL-REPORT-CRITERIA',
    (adoptedLoi(ctx)?.successCriteria ?? [])
      .filter((c) => !given.has(normalise(c.indicator)))
      .map((c) => `value:${c.indicator}`),
  );
};

export const exitUltimaRatio: ObligationCheck = (ctx, _now, event) => {
  const e = payload(event, 'REQUEST_EXIT');
  if (!e) return result('OBL-EXIT-ULTIMA-RATIO', ['payload']);
  const missing: string[] = [];
  if (e.escalationCaseId !== undefined) {
    const c = findCase(ctx, e.escalationCaseId);
    if (!c) missing.push(`escalationCase:${e.escalationCaseId}:unknown`);
    else if (c.status !== 'failed') missing.push(`escalationCase:${c.id}:${c.status}`);
  } else if (blank(e.conflictProcedureNotApplicable)) {
    missing.push('escalationCaseId|conflictProcedureNotApplicable');
  }
  return result('OBL-EXIT-ULTIMA-RATIO', missing);
};

export const EXIT_PLAN_PARTS = [
  'organisation',
  'staffCapacityAndExpertise',
  'it',
  'premises',
  'vehiclesAndEquipment',
] as const;

export const exitPlan: ObligationCheck = (_ctx, _now, event) => {
  const e = payload(event, 'REQUEST_EXIT');
  if (!e) return result('OBL-EXIT-PLAN', ['payload']);
  if (!e.exitPlan) return result('OBL-EXIT-PLAN', ['exitPlan']);
  return result(
    'OBL-EXIT-PLAN',
    EXIT_PLAN_PARTS.filter((k) => blank(e.exitPlan![k])).map((k) => `exitPlan.${k}`),
  );
};

/**
 * § 115 Abs. 1 GO NRW: a private-law exit is notified by the leaving member to its own authority;
 * otherwise the authority competent for the cooperation (§ 29 GkG NRW).
 */
function exitAuthorityMissing(
  ctx: CooperationContext,
  actor: Actor | undefined,
  contract: NonNullable<ReturnType<typeof currentContract>>,
  rule: ExitRule,
  recorded: string,
  on: string,
): string[] {
  if (rule.ownAuthority) {
    const leaving = participants(ctx).find((m) => m.ags === actor?.municipality);
    const own = leaving && ownSupervisoryAuthority(leaving);
    return !own || isAuthority(recorded, own) ? [] : [`formSpecificStep.authority:${own.names.deMale}`];
  }
  const authority = competentAuthority(contract.legalForm, participants(ctx), contract.seat, on);
  return isCompetentAuthority(recorded, authority) ? [] : [`formSpecificStep.authority:${authority.name}`];
}

/** The legal form's own exit step, as data in LEGAL_FORM_RULES[].exit. */
export const exitFormStep: ObligationCheck = (ctx, now, event, actor) => {
  const id = 'OBL-EXIT-FORM-STEP';
  const e = payload(event, 'REQUEST_EXIT');
  if (!e) return result(id, ['payload']);
  const contract = currentContract(ctx);
  if (!contract) return result(id, ['contract']);
  const today = germanDate(now);
  const rule = legalFormRule(contract.legalForm, today)?.exit;
  if (!rule) return result(id, [`legalFormRule:${contract.legalForm}`]);
  const step = e.formSpecificStep ?? {};
  const route = rule.routes ? (rule.routes[step.route ?? ''] ?? Object.values(rule.routes)[0]) : undefined;
  const missing = (route?.required ?? rule.required)
    .filter((f) => {
      const v = step[f];
      return v === undefined || v === null || (typeof v === 'string' && blank(v));
    })
    .map((f) => `formSpecificStep.${f}`);
  if (rule.notifyCompetentAuthority && step.authority !== undefined) {
    missing.push(...exitAuthorityMissing(ctx, actor, contract, rule, step.authority, step.notifiedOn ?? today));
  }
  if (rule.majority && (route?.majority ?? true) && step.votesFor !== undefined && step.votesTotal !== undefined) {
    const m = step.statuteMajority ?? rule.majority;
    const needed = Math.ceil((step.votesTotal * m.numerator) / m.denominator);
    if (step.votesFor < needed) missing.push(`formSpecificStep.votesFor:${needed}`);
  }
  if (rule.weeksAhead && step.notifiedOn) {
    const latest = addDays(exitEffectiveOn(ctx, today), -7 * rule.weeksAhead);
    if (step.notifiedOn > latest) missing.push(`formSpecificStep.notifiedOn:${latest}`);
  }
  return result(id, missing);
};

/** The latest proposal (open, or agreed on entering dissolving) has what the legal form requires. */
export const dissolutionResolutions: ObligationCheck = (ctx, now) =>
  result('OBL-DISSOLUTION-RESOLUTIONS', dissolutionMissing(ctx, now));

export const WINDING_UP_PARTS = ['assets', 'staff', 'data', 'openObligations'] as const;

export const windingUp: ObligationCheck = (_ctx, _now, event) => {
  const e = payload(event, 'RECORD_WINDING_UP');
  if (!e) return result('OBL-WINDING-UP', ['payload']);
  return result(
    'OBL-WINDING-UP',
    WINDING_UP_PARTS.filter((k) => blank(e[k])).map((k) => `windingUp.${k}`),
  );
};

export const OBLIGATION_CHECKS: Readonly<Record<ObligationId, ObligationCheck>> = {
  'OBL-PARTNERS-MIN': partnersMin,
  'OBL-CONTACT-AUTHORITY': contactAuthority,
  'OBL-LOI-CONTENT': loiContent,
  'OBL-SUCCESS-CRITERIA': successCriteria,
  'OBL-LOI-SIGNED-ALL': loiSignedAll,
  'OBL-STEERING-BODY': steeringBody,
  'OBL-REPORTING-DUTIES': reportingDuties,
  'OBL-CONFLICT-PROCEDURE': conflictProcedure,
  'OBL-EXIT-TERMS': exitTerms,
  'OBL-COUNCIL-RESOLUTION': councilResolution,
  'OBL-SUPERVISORY-STEP': supervisoryStep,
  'OBL-AMENDMENT-RESOLUTIONS': amendmentResolutions,
  'OBL-AMENDMENT-SUPERVISORY-STEP': amendmentSupervisoryStep,
  'OBL-AMENDMENT-SIGNED-ALL': amendmentSignedAll,
  'OBL-CONTRACT-SIGNED-ALL': contractSignedAll,
  'OBL-REPORT-CRITERIA': reportCriteria,
  'OBL-EXIT-ULTIMA-RATIO': exitUltimaRatio,
  'OBL-EXIT-PLAN': exitPlan,
  'OBL-EXIT-FORM-STEP': exitFormStep,
  'OBL-DISSOLUTION-RESOLUTIONS': dissolutionResolutions,
  'OBL-WINDING-UP': windingUp,
};

/**
 * Evaluates every listed obligation (never stops at the first unmet one). Payload obligations need
 * the `event`; without it they report `missing: ['payload']`.
 */
export function evaluate(
  ids: readonly ObligationId[],
  ctx: CooperationContext,
  now: Date,
  event?: LifecycleEvent,
  actor?: Actor,
): ObligationResult[] {
  return ids.map((id) => applyWaivers(ctx, OBLIGATION_CHECKS[id](ctx, now, event, actor)));
}
