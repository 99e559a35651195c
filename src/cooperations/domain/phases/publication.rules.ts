import { fieldError } from '../schema';
import type { Bilingual } from '../obligations.catalog';
import type { Instant } from '../calendar';
import type { CooperationContext } from '../cooperation';
import { asLead, asParticipant, COORDINATORS, type EventRule, touched } from './rule';

/*
 * The published partner search and the consents to the public register (docs/register.md). Who
 * sees what is the register's projection of these facts; the rules only record them.
 */

const openSearch = (ctx: CooperationContext) => (ctx.partnerSearch?.status === 'open' ? ctx.partnerSearch : null);

const NO_OPEN_SEARCH: Bilingual = {
  de: 'Es ist keine Partnersuche veröffentlicht.',
  en: 'No partner search is published.',
};

/** The published search closes (the lead closed it, the LoI started, the cooperation was abandoned). */
export function withSearchClosed(ctx: CooperationContext, at: Instant, reason: string): CooperationContext {
  const search = openSearch(ctx);
  return search ? { ...ctx, partnerSearch: { ...search, status: 'closed', closedAt: at, closeReason: reason } } : ctx;
}

export const PUBLISH_PARTNER_SEARCH: EventRule<'PUBLISH_PARTNER_SEARCH'> = {
  roles: COORDINATORS,
  authorize: asLead,
  validate: (_ctx, e, _actor, today) =>
    e.openUntil < today ? [fieldError('openUntil', 'rules.notInPast', { today })] : [],
  apply: (ctx, e, { actor, at }) => {
    const { lookingFor, districts, regions, openUntil } = e;
    return touched(
      {
        ...ctx,
        partnerSearch: {
          lookingFor,
          ...(districts !== undefined ? { districts } : {}),
          ...(regions !== undefined ? { regions } : {}),
          openUntil,
          publishedAt: at,
          publishedBy: actor.sub,
          status: 'open',
          closedAt: null,
          closeReason: null,
          // An update of the open search keeps who already answered it.
          interests: openSearch(ctx)?.interests ?? [],
        },
      },
      at,
    );
  },
};

export const CLOSE_PARTNER_SEARCH: EventRule<'CLOSE_PARTNER_SEARCH'> = {
  roles: COORDINATORS,
  authorize: asLead,
  precondition: (ctx) => (openSearch(ctx) ? null : NO_OPEN_SEARCH),
  apply: (ctx, e, { at }) => touched(withSearchClosed(ctx, at, e.reason ?? 'geschlossen'), at),
};

export const EXPRESS_INTEREST: EventRule<'EXPRESS_INTEREST'> = {
  roles: COORDINATORS,
  authorize: (ctx, actor) => {
    const status = ctx.members[actor.municipality ?? '']?.status;
    return status === 'active' || status === 'invited'
      ? {
          de: 'Ihre Kommune ist an dieser Kooperation bereits beteiligt oder eingeladen.',
          en: 'Your municipality already takes part in or is invited to this cooperation.',
        }
      : null;
  },
  precondition: (ctx) => (openSearch(ctx) ? null : NO_OPEN_SEARCH),
  authorizeEvent: (_ctx, e, actor) =>
    e.municipality.ags === actor.municipality
      ? null
      : { de: 'Interesse nur für die eigene Kommune.', en: 'Interest only for your own municipality.' },
  validate: (ctx, e, _actor, today) => {
    const search = openSearch(ctx)!;
    if (search.openUntil < today) return [fieldError('openUntil', 'rules.searchEnded', { date: search.openUntil })];
    return search.interests.some((i) => i.municipality.ags === e.municipality.ags)
      ? [fieldError('municipality', 'rules.alreadyInterested', { ags: e.municipality.ags })]
      : [];
  },
  apply: (ctx, e, { actor, at }) => {
    const search = openSearch(ctx)!;
    const interest = { municipality: e.municipality, message: e.message, at, by: actor.sub };
    return touched({ ...ctx, partnerSearch: { ...search, interests: [...search.interests, interest] } }, at);
  },
};

const agreed = (ctx: CooperationContext, ags: string | undefined) => !!ctx.publication.agreements[ags ?? ''];

type PublicationMap = keyof CooperationContext['publication'];

/** The publication record of `ags` in one of the maps set (or, with `undefined`, removed). */
function withRecord<M extends PublicationMap>(
  ctx: CooperationContext,
  map: M,
  ags: string,
  record: CooperationContext['publication'][M][string] | undefined,
  at: Instant,
): CooperationContext {
  const { [ags]: _previous, ...others } = ctx.publication[map];
  const next = record ? { ...others, [ags]: record } : others;
  return touched({ ...ctx, publication: { ...ctx.publication, [map]: next } }, at);
}

export const AGREE_TO_PUBLICATION: EventRule<'AGREE_TO_PUBLICATION'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx, actor) =>
    agreed(ctx, actor.municipality)
      ? { de: 'Ihre Kommune hat bereits zugestimmt.', en: 'Your municipality has already agreed.' }
      : null,
  apply: (ctx, _e, { actor, at }) => withRecord(ctx, 'agreements', actor.municipality!, { at, by: actor.sub }, at),
};

export const REVOKE_PUBLICATION_AGREEMENT: EventRule<'REVOKE_PUBLICATION_AGREEMENT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx, actor) =>
    agreed(ctx, actor.municipality)
      ? null
      : { de: 'Ihre Kommune hat nicht zugestimmt.', en: 'Your municipality has not agreed.' },
  apply: (ctx, _e, { actor, at }) => withRecord(ctx, 'agreements', actor.municipality!, undefined, at),
};

/** The consent that counts for `ags`: given by the person who is its contact now. */
export const validContactConsent = (ctx: CooperationContext, ags: string) => {
  const consent = ctx.publication.contactConsents[ags];
  return consent && consent.userSub === ctx.contacts[ags]?.userSub ? consent : null;
};

export const CONSENT_TO_CONTACT_PUBLICATION: EventRule<'CONSENT_TO_CONTACT_PUBLICATION'> = {
  roles: COORDINATORS,
  authorize: (ctx, actor) =>
    asParticipant(ctx, actor) ??
    (ctx.contacts[actor.municipality!]?.userSub === actor.sub
      ? null
      : {
          de: 'Einwilligen kann nur die benannte Ansprechperson selbst.',
          en: 'Only the appointed contact can consent, in person.',
        }),
  precondition: (ctx, actor) =>
    validContactConsent(ctx, actor.municipality!)
      ? { de: 'Sie haben bereits eingewilligt.', en: 'You have already consented.' }
      : null,
  apply: (ctx, _e, { actor, at }) =>
    withRecord(ctx, 'contactConsents', actor.municipality!, { userSub: actor.sub, at }, at),
};

export const REVOKE_CONTACT_CONSENT: EventRule<'REVOKE_CONTACT_CONSENT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx, actor) =>
    ctx.publication.contactConsents[actor.municipality!]
      ? null
      : { de: 'Es liegt keine Einwilligung vor.', en: 'There is no consent.' },
  apply: (ctx, _e, { actor, at }) => withRecord(ctx, 'contactConsents', actor.municipality!, undefined, at),
};
