import { asLead, asParticipant, COORDINATORS, type EventRule, notInFuture, touched } from './rule';

export const APPOINT_CONTACT: EventRule<'APPOINT_CONTACT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  validate: (ctx, e, actor, today) => [
    ...notInFuture(e.authority.conferredOn, 'authority.conferredOn', today),
    // One person cannot hold decision authority for two parties of the same agreement.
    ...Object.values(ctx.contacts)
      .filter((c) => c.userSub === e.userSub && c.municipality !== actor.municipality)
      .map((c) => ({ path: 'userSub', message: `is already the contact of ${c.municipality}` })),
  ],
  apply: (ctx, { type: _type, ...contact }, { actor, at }) =>
    touched(
      {
        ...ctx,
        contacts: {
          ...ctx.contacts,
          [actor.municipality!]: {
            ...contact,
            municipality: actor.municipality!,
            appointedAt: at,
            appointedBy: actor.sub,
          },
        },
      },
      at,
    ),
};

export const ABANDON: EventRule<'ABANDON'> = {
  roles: COORDINATORS,
  authorize: asLead,
  apply: (ctx, e, { actor, at }) =>
    touched({ ...ctx, abandonment: { reason: e.reason, at, by: actor.municipality! } }, at),
};
