import { germanDate, startOfDayInGermany } from '../calendar';
import {
  contractVersionsWith,
  type CooperationContext,
  currentContract,
  nextVersionNumber,
  participants,
} from '../cooperation';
import type { ContractText, DraftContract, RecordSupervisoryStep } from '../events';
import { initialReportingTimers } from '../reporting';
import { type FieldError, fieldError, type RuleKey } from '../schema';
import { conclusionProcedure, currentProcedure, inForceOn } from '../supervision';
import { termEndTimers } from '../term';
import { withTimers } from '../timers';
import { asParty, needsProcedure, versionIsCurrent, withProcedure } from './procedure';
import {
  asAppointedContact,
  asLead,
  asLeadOrSeat,
  COORDINATORS,
  councilBodyErrors,
  type EventRule,
  notInFuture,
  signatureOf,
  touched,
} from './rule';

const NO_CONTRACT = {
  de: 'Es liegt noch kein Vertragsentwurf vor.',
  en: 'There is no contract draft yet.',
};

/** Checks of a contract text, for a draft and for an amendment. */
export function contractTextErrors(ctx: CooperationContext, e: ContractText, parties: readonly string[]): FieldError[] {
  const party = (ags: string, path: string): FieldError[] =>
    parties.includes(ags) ? [] : [fieldError(path, 'rules.notParticipant', { ags })];
  const errors: FieldError[] = [...party(e.seat, 'seat')];
  const isOrv = e.legalForm === 'oeffentlich-rechtliche-vereinbarung';
  if (isOrv && !e.variant) {
    errors.push(fieldError('variant', 'rules.variantRequired'));
  }
  if (!isOrv && e.variant) errors.push(fieldError('variant', 'rules.publicLawOnly'));
  const shares = e.costAllocation.shares;
  shares.forEach((s, i) => {
    errors.push(...party(s.municipality, `costAllocation.shares[${i}].municipality`));
    if (shares.findIndex((x) => x.municipality === s.municipality) < i) {
      errors.push(fieldError(`costAllocation.shares[${i}].municipality`, 'rules.twice'));
    }
  });
  const total = shares.reduce((sum, s) => sum + s.percent, 0);
  if (shares.length > 0 && Math.abs(total - 100) > 1e-6) {
    errors.push(fieldError('costAllocation.shares', 'rules.sharesTotal', { total }));
  }
  if (e.term.end && e.term.end <= e.term.start) {
    errors.push(fieldError('term.end', 'rules.afterStart'));
  }
  const earliest = e.exitTerms?.earliestDate;
  if (earliest && earliest < e.term.start) {
    errors.push(fieldError('exitTerms.earliestDate', 'rules.notBeforeStart'));
  }
  return errors;
}

export const DRAFT_CONTRACT: EventRule<'DRAFT_CONTRACT'> = {
  roles: COORDINATORS,
  authorize: asLead,
  validate: (ctx, { type: _type, ...e }: DraftContract) =>
    contractTextErrors(
      ctx,
      e,
      participants(ctx).map((m) => m.ags),
    ),
  apply: (ctx, { type: _type, ...draft }, { actor, at }) =>
    touched(
      {
        ...ctx,
        contract: {
          ...ctx.contract,
          versions: contractVersionsWith(ctx, {
            ...draft,
            version: nextVersionNumber(ctx.contract.versions),
            draftedAt: at,
            draftedBy: actor.sub,
          }),
          // Resolutions, approval and signatures were given for a text that no longer exists.
          councilResolutions: [],
          supervisoryStep: null,
          memberNotifications: [],
          signatures: [],
        },
      },
      at,
    ),
};

export const RECORD_COUNCIL_RESOLUTION: EventRule<'RECORD_COUNCIL_RESOLUTION'> = {
  roles: COORDINATORS,
  authorize: asParty,
  precondition: needsProcedure,
  validate: (ctx, e, actor, today) => [
    ...versionIsCurrent(ctx, e.version),
    ...notInFuture(e.date, 'date', today),
    ...councilBodyErrors(ctx, actor, e.body),
  ],
  apply: (ctx, { type: _type, ...resolution }, { actor, at }) =>
    touched(
      withProcedure(ctx, (p) => ({
        councilResolutions: [
          ...p.councilResolutions.filter((r) => r.municipality !== actor.municipality),
          { ...resolution, municipality: actor.municipality!, recordedAt: at },
        ],
      })),
      at,
    ),
};

export const RECORD_SUPERVISORY_STEP: EventRule<'RECORD_SUPERVISORY_STEP'> = {
  roles: COORDINATORS,
  authorize: asLeadOrSeat,
  precondition: needsProcedure,
  validate: (_ctx, e: RecordSupervisoryStep, _actor, today) => {
    const errors: FieldError[] = (
      ['submittedOn', 'approvedOn', 'objectedOn', 'discussionScheduledOn', 'refusedOn', 'publishedOn'] as const
    ).flatMap((k) => notInFuture(e[k], k, today));
    const before = (a: string | undefined, b: string | undefined, path: string, key: RuleKey) => {
      if (a && b && b < a) errors.push(fieldError(path, key));
    };
    before(e.submittedOn, e.approvedOn, 'approvedOn', 'rules.notBeforeSubmitted');
    before(e.submittedOn, e.objectedOn, 'objectedOn', 'rules.notBeforeSubmitted');
    before(e.submittedOn, e.discussionScheduledOn, 'discussionScheduledOn', 'rules.notBeforeSubmitted');
    before(e.approvedOn ?? e.submittedOn, e.publishedOn, 'publishedOn', 'rules.notBeforeApproval');
    if (e.kind === 'notification') {
      for (const k of ['approvedOn', 'deemedApproval', 'objectedOn', 'discussionScheduledOn', 'refusedOn'] as const) {
        if (e[k] !== undefined) errors.push(fieldError(k, 'rules.approvalsOnly'));
      }
    }
    if (e.approvedOn && e.deemedApproval) {
      errors.push(fieldError('deemedApproval', 'rules.deemedWithExplicit'));
    }
    if (e.approvedOn && e.refusedOn) errors.push(fieldError('refusedOn', 'rules.refusedWithApproved'));
    before(e.submittedOn, e.refusedOn, 'refusedOn', 'rules.notBeforeSubmitted');
    if (e.designation) errors.push(...notInFuture(e.designation.designatedOn, 'designation.designatedOn', today));
    return errors;
  },
  apply: (ctx, { type: _type, ...step }, { at }) =>
    touched(
      withProcedure(ctx, () => ({
        supervisoryStep: { ...step, contractVersion: currentProcedure(ctx)!.text.version, recordedAt: at },
      })),
      at,
    ),
};

export const SIGN_CONTRACT: EventRule<'SIGN_CONTRACT'> = {
  roles: COORDINATORS,
  authorize: asAppointedContact,
  precondition: (ctx, actor) => {
    const contract = currentContract(ctx);
    if (!contract) return NO_CONTRACT;
    return ctx.contract.signatures.some((s) => s.municipality === actor.municipality && s.version === contract.version)
      ? {
          de: 'Die aktuelle Vertragsfassung ist bereits unterzeichnet.',
          en: 'The current contract version is already signed.',
        }
      : null;
  },
  validate: (ctx, e) => versionIsCurrent(ctx, e.version),
  apply: (ctx, e, { actor, at }) =>
    touched(
      {
        ...ctx,
        contract: {
          ...ctx.contract,
          signatures: [...ctx.contract.signatures, signatureOf(ctx, actor, e.version, at)],
        },
      },
      at,
    ),
};

export const PUT_INTO_FORCE: EventRule<'PUT_INTO_FORCE'> = {
  roles: COORDINATORS,
  authorize: asLead,
  // In force on the legal date (§ 24 Abs. 4 GkG NRW), not when the lead records it; the reporting
  // duties start (the due timer of each duty's first period) and a fixed term gets its end timer.
  apply: (ctx, _e, { at }) => {
    const on = inForceOn(conclusionProcedure(ctx)!, germanDate(new Date(at)));
    const contract = { ...ctx.contract, inForceOn: on, inForceSince: startOfDayInGermany(on).toISOString() };
    const inForce = touched({ ...ctx, contract }, at);
    return withTimers(inForce, [...initialReportingTimers(inForce), ...termEndTimers(inForce)]);
  },
};
