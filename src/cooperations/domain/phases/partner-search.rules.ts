import type { CooperationContext, Member } from '../cooperation';
import { withSearchClosed } from './publication.rules';
import { asLead, asParticipant, COORDINATORS, type EventRule, touched, withoutContact } from './rule';
import { fieldError } from '../schema';

const endMembership = (
  ctx: CooperationContext,
  ags: string,
  status: Member['status'],
  at: string,
  reason: string | null,
): CooperationContext => {
  const rest = withoutContact(ctx, ags);
  return touched(
    {
      ...rest,
      members: {
        ...ctx.members,
        [ags]: { ...ctx.members[ags], status, endedAt: at, endReason: reason },
      },
    },
    at,
  );
};

const asInvited = (ctx: CooperationContext, actor: { municipality?: string }) =>
  ctx.members[actor.municipality ?? '']?.status === 'invited'
    ? null
    : {
        de: 'Nur die eingeladene Kommune kann die Einladung annehmen oder ablehnen.',
        en: 'Only the invited municipality may accept or decline the invitation.',
      };

export const INVITE_PARTNER: EventRule<'INVITE_PARTNER'> = {
  roles: COORDINATORS,
  authorize: asLead,
  validate: (ctx, e) => {
    const status = ctx.members[e.municipality.ags]?.status;
    if (status === 'active') {
      return [fieldError('municipality.ags', 'rules.alreadyTakesPart', { ags: e.municipality.ags })];
    }
    if (status === 'invited') {
      return [fieldError('municipality.ags', 'rules.alreadyInvited', { ags: e.municipality.ags })];
    }
    return [];
  },
  // Re-inviting a municipality that declined, was withdrawn or left is allowed: a new invitation.
  apply: (ctx, e, { at }) =>
    touched(
      {
        ...ctx,
        members: {
          ...ctx.members,
          [e.municipality.ags]: {
            ...e.municipality,
            role: 'partner',
            status: 'invited',
            invitedAt: at,
            joinedAt: null,
            endedAt: null,
            endReason: null,
          },
        },
      },
      at,
    ),
};

export const ACCEPT_INVITATION: EventRule<'ACCEPT_INVITATION'> = {
  roles: COORDINATORS,
  authorize: asInvited,
  apply: (ctx, _e, { actor, at }) => {
    const ags = actor.municipality!;
    return touched(
      {
        ...ctx,
        members: {
          ...ctx.members,
          [ags]: { ...ctx.members[ags], status: 'active', joinedAt: at },
        },
      },
      at,
    );
  },
};

export const DECLINE_INVITATION: EventRule<'DECLINE_INVITATION'> = {
  roles: COORDINATORS,
  authorize: asInvited,
  apply: (ctx, e, { actor, at }) => endMembership(ctx, actor.municipality!, 'declined', at, e.reason ?? null),
};

export const WITHDRAW_INVITATION: EventRule<'WITHDRAW_INVITATION'> = {
  roles: COORDINATORS,
  authorize: asLead,
  validate: (ctx, e) =>
    ctx.members[e.municipality]?.status === 'invited'
      ? []
      : [fieldError('municipality', 'rules.noOpenInvitation', { ags: e.municipality })],
  apply: (ctx, e, { at }) => endMembership(ctx, e.municipality, 'withdrawn', at, null),
};

export const LEAVE_PARTNER_SEARCH: EventRule<'LEAVE_PARTNER_SEARCH'> = {
  roles: COORDINATORS,
  authorize: (ctx, actor) =>
    asParticipant(ctx, actor) ??
    (actor.municipality === ctx.lead
      ? {
          de: 'Die federführende Kommune kann die Partnersuche nicht verlassen; sie kann die Kooperation aufgeben (ABANDON).',
          en: 'The lead municipality cannot leave the partner search; it can abandon the cooperation (ABANDON).',
        }
      : null),
  apply: (ctx, e, { actor, at }) => endMembership(ctx, actor.municipality!, 'left', at, e.reason ?? null),
};

/** Invitations still open when the partner search ends lapse: membership is fixed from here on. */
export const START_LETTER_OF_INTENT: EventRule<'START_LETTER_OF_INTENT'> = {
  roles: COORDINATORS,
  authorize: asLead,
  apply: (ctx, _e, { at }) =>
    Object.values(ctx.members)
      .filter((m) => m.status === 'invited')
      .reduce(
        (acc, m) => endMembership(acc, m.ags, 'withdrawn', at, 'Einladung mit Ende der Partnersuche erloschen'),
        touched(withSearchClosed(ctx, at, 'Absichtserklärung begonnen'), at),
      ),
};
