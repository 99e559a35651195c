import type { CooperationContext } from '../cooperation';
import { type FieldError, fieldError } from '../schema';
import { withSearchClosed } from './publication.rules';
import { asLead, asParticipant, COORDINATORS, type EventRule, notInFuture, touched, withoutPending } from './rule';

/** One person cannot hold decision authority for two parties of the same agreement. */
const contactElsewhere = (ctx: CooperationContext, userSub: string, ags: string): FieldError[] =>
  Object.values(ctx.contacts)
    .filter((c) => c.userSub === userSub && c.municipality !== ags)
    .map((c) => fieldError('userSub', 'rules.contactElsewhere', { ags: c.municipality }));

/**
 * A coordinator appointing themselves (`userSub` is their own token subject) makes the contact at
 * once. Naming anyone else's subject makes a pending appointment, which counts for nothing —
 * signatures, OBL-CONTACT-AUTHORITY, the one-contact-per-person check — until that person confirms
 * it for this municipality: otherwise a partner could type in another municipality's coordinator
 * and block that municipality's own appointment.
 */
export const APPOINT_CONTACT: EventRule<'APPOINT_CONTACT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  validate: (ctx, e, actor, today) => [
    ...notInFuture(e.authority.conferredOn, 'authority.conferredOn', today),
    ...contactElsewhere(ctx, e.userSub, actor.municipality!),
  ],
  apply: (ctx, e, { actor, at }) => {
    const ags = actor.municipality!;
    // Field by field: the event as applied also carries the engine's `meta`, which is no contact's.
    const { name, position, userSub, authority } = e;
    const contact = {
      name,
      ...(e.email !== undefined ? { email: e.email } : {}),
      position,
      userSub,
      authority,
      municipality: ags,
      appointedAt: at,
      appointedBy: actor.sub,
    };
    if (userSub !== actor.sub) {
      return touched({ ...ctx, pendingContacts: { ...ctx.pendingContacts, [ags]: contact } }, at);
    }
    return touched({ ...withoutPending(ctx, ags), contacts: { ...ctx.contacts, [ags]: contact } }, at);
  },
};

/** The person a pending appointment names, signed in for the appointing municipality, confirms it. */
export const CONFIRM_CONTACT_APPOINTMENT: EventRule<'CONFIRM_CONTACT_APPOINTMENT'> = {
  roles: COORDINATORS,
  authorize: (ctx, actor) =>
    asParticipant(ctx, actor) ??
    (ctx.pendingContacts?.[actor.municipality!]?.userSub === actor.sub
      ? null
      : {
          de: 'Keine Benennung wartet auf Ihre Bestätigung: bestätigen kann nur die benannte Person selbst, angemeldet für die Kommune, die sie benannt hat.',
          en: 'No appointment awaits your confirmation: only the person appointed, signed in for the municipality that appointed them, can confirm it.',
        }),
  validate: (ctx, _e, actor) => contactElsewhere(ctx, actor.sub, actor.municipality!),
  apply: (ctx, _e, { actor, at }) => {
    const ags = actor.municipality!;
    const contact = { ...ctx.pendingContacts![ags], confirmedAt: at };
    return touched({ ...withoutPending(ctx, ags), contacts: { ...ctx.contacts, [ags]: contact } }, at);
  },
};

export const ABANDON: EventRule<'ABANDON'> = {
  roles: COORDINATORS,
  authorize: asLead,
  apply: (ctx, e, { actor, at }) =>
    touched(
      {
        ...withSearchClosed(ctx, at, 'Kooperation aufgegeben'),
        abandonment: { reason: e.reason, at, by: actor.municipality! },
      },
      at,
    ),
};
