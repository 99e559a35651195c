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
import type { FieldError } from '../schema';
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
    parties.includes(ags) ? [] : [{ path, message: `${ags} is not a participating municipality` }];
  const errors: FieldError[] = [...party(e.seat, 'seat')];
  const isOrv = e.legalForm === 'oeffentlich-rechtliche-vereinbarung';
  if (isOrv && !e.variant) {
    errors.push({
      path: 'variant',
      message: "is required for a public-law agreement ('delegating' or 'mandating')",
    });
  }
  if (!isOrv && e.variant) errors.push({ path: 'variant', message: 'applies to public-law agreements only' });
  const shares = e.costAllocation.shares;
  shares.forEach((s, i) => {
    errors.push(...party(s.municipality, `costAllocation.shares[${i}].municipality`));
    if (shares.findIndex((x) => x.municipality === s.municipality) < i) {
      errors.push({ path: `costAllocation.shares[${i}].municipality`, message: 'appears twice' });
    }
  });
  const total = shares.reduce((sum, s) => sum + s.percent, 0);
  if (shares.length > 0 && Math.abs(total - 100) > 1e-6) {
    errors.push({
      path: 'costAllocation.shares',
      message: `must add up to 100 percent (is ${total})`,
    });
  }
  if (e.term.end && e.term.end <= e.term.start) {
    errors.push({ path: 'term.end', message: 'must be after term.start' });
  }
  const earliest = e.exitTerms?.earliestDate;
  if (earliest && earliest < e.term.start) {
    errors.push({ path: 'exitTerms.earliestDate', message: 'must not be before term.start' });
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
    const before = (a: string | undefined, b: string | undefined, path: string, message: string) => {
      if (a && b && b < a) errors.push({ path, message });
    };
    before(e.submittedOn, e.approvedOn, 'approvedOn', 'must not be before submittedOn');
    before(e.submittedOn, e.objectedOn, 'objectedOn', 'must not be before submittedOn');
    before(e.submittedOn, e.discussionScheduledOn, 'discussionScheduledOn', 'must not be before submittedOn');
    before(
      e.approvedOn ?? e.submittedOn,
      e.publishedOn,
      'publishedOn',
      'must not be before the approval or submission',
    );
    if (e.kind === 'notification') {
      for (const k of ['approvedOn', 'deemedApproval', 'objectedOn', 'discussionScheduledOn', 'refusedOn'] as const) {
        if (e[k] !== undefined) errors.push({ path: k, message: 'applies to approvals only' });
      }
    }
    if (e.approvedOn && e.deemedApproval) {
      errors.push({
        path: 'deemedApproval',
        message: 'cannot be claimed when an explicit approval is recorded',
      });
    }
    if (e.approvedOn && e.refusedOn) errors.push({ path: 'refusedOn', message: 'cannot be given with approvedOn' });
    before(e.submittedOn, e.refusedOn, 'refusedOn', 'must not be before submittedOn');
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
