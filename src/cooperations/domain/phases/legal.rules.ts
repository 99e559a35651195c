import { checkNotApplicable, checkWaiver, type WaiverError } from '../legal/obligation-nature';
import { type FieldError, fieldError, type RuleKey } from '../schema';
import { currentProcedure } from '../supervision';
import { asParty, needsProcedure, versionIsCurrent, withProcedure } from './procedure';
import { asLead, COORDINATORS, type EventRule, notInFuture, touched } from './rule';

/** § 115 Abs. 1 GO NRW: each member's own notification to its own supervisory authority. */
export const RECORD_MEMBER_NOTIFICATION: EventRule<'RECORD_MEMBER_NOTIFICATION'> = {
  roles: COORDINATORS,
  authorize: asParty,
  precondition: needsProcedure,
  validate: (ctx, e, _actor, today) => {
    const errors: FieldError[] = [
      ...versionIsCurrent(ctx, e.version),
      ...notInFuture(e.submittedOn, 'submittedOn', today),
      ...notInFuture(e.periodSetByAuthority?.decidedOn, 'periodSetByAuthority.decidedOn', today),
    ];
    if (currentProcedure(ctx)!.text.legalForm !== 'private-law') {
      errors.push(fieldError('type', 'rules.privateLawOnly'));
    }
    return errors;
  },
  apply: (ctx, { type: _type, version, ...notification }, { actor, at }) =>
    touched(
      withProcedure(ctx, (p) => ({
        memberNotifications: [
          ...p.memberNotifications.filter((n) => n.municipality !== actor.municipality),
          { ...notification, municipality: actor.municipality!, contractVersion: version, recordedAt: at },
        ],
      })),
      at,
    ),
};

const WAIVER_MESSAGES: Readonly<Record<WaiverError, RuleKey>> = {
  statutory: 'rules.waiverStatutory',
  'not-waivable': 'rules.waiverNotWaivable',
  'reason-required': 'rules.waiverReasonRequired',
  'part-not-marked-ggfs': 'rules.waiverPartNotGgfs',
};

const WAIVER_PATH: Readonly<Record<WaiverError, string>> = {
  statutory: 'obligation',
  'not-waivable': 'obligation',
  'reason-required': 'reason',
  'part-not-marked-ggfs': 'part',
};

/** Good practice is not law: a recommendation waived with a reason, a "ggfs." part marked not applicable. */
export const WAIVE_OBLIGATION: EventRule<'WAIVE_OBLIGATION'> = {
  roles: COORDINATORS,
  authorize: asLead,
  validate: (_ctx, e) => {
    const error = e.part ? checkNotApplicable(e.obligation, e.part, e.reason) : checkWaiver(e.obligation, e.reason);
    return error ? [fieldError(WAIVER_PATH[error], WAIVER_MESSAGES[error])] : [];
  },
  apply: (ctx, e, { actor, at }) =>
    touched(
      {
        ...ctx,
        waivers: [
          ...(ctx.waivers ?? []),
          {
            obligation: e.obligation,
            part: e.part ?? null,
            reason: e.reason,
            municipality: actor.municipality!,
            by: actor.sub,
            at,
          },
        ],
      },
      at,
    ),
};
