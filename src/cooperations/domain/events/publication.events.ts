import { about, array, date, event, type Infer, oneOf, optional, str, text } from '../schema';
import { municipalityRef } from './partner-search.events';

/*
 * What a cooperation shows outside itself (docs/register.md): a published partner search [P3],
 * the expressions of interest of other municipalities, and the consent to the public project
 * register with the responsible contacts [P4]. Each is an event of the cooperation, so the history
 * says who published, agreed, consented and revoked, and when.
 */

/** The five Regierungsbezirke of NRW, as the registry names them. */
export const REGIERUNGSBEZIRKE = ['Arnsberg', 'Detmold', 'Düsseldorf', 'Köln', 'Münster'] as const;

/**
 * Lead only, during the partner search. Publishes (or, while open, updates) the search; the field of
 * work and the motive are the cooperation's own. Interests already expressed stay.
 */
export const publishPartnerSearch = event(
  'PUBLISH_PARTNER_SEARCH',
  {
    lookingFor: about(
      text(5000),
      'Was gesucht wird: welche Partner, welche Aufgaben, welcher Beitrag',
      'What is sought: which partners, which tasks, which contribution',
      'Zwei Nachbargemeinden, die ihren Bauhof mit uns gemeinsam betreiben',
    ),
    districts: about(
      optional(array(text(200), { max: 60 })),
      'Kreise, in denen Partner gesucht werden (leer: ganz NRW)',
      'Districts (Kreise) where partners are sought (empty: all of NRW)',
      ['Borken'],
    ),
    regions: about(
      optional(array(oneOf(REGIERUNGSBEZIRKE), { max: REGIERUNGSBEZIRKE.length })),
      'Regierungsbezirke, in denen Partner gesucht werden (leer: ganz NRW)',
      'Administrative regions (Regierungsbezirke) where partners are sought (empty: all of NRW)',
      ['Münster'],
    ),
    openUntil: about(
      date,
      'Letzter Tag, an dem die Suche veröffentlicht ist; nicht in der Vergangenheit',
      'Last day the search is published; not in the past',
      '2026-06-30',
    ),
  },
  'Die federführende Kommune veröffentlicht die Partnersuche [P3] (oder ändert die veröffentlichte).',
  'The lead municipality publishes the partner search [P3] (or updates the published one).',
);

/** Lead only: the published search ends before its date. */
export const closePartnerSearch = event(
  'CLOSE_PARTNER_SEARCH',
  { reason: about(optional(str({ max: 2000 })), 'Begründung (freiwillig)', 'Reason (optional)') },
  'Die federführende Kommune beendet die veröffentlichte Partnersuche.',
  'The lead municipality closes the published partner search.',
);

const interestMessage = about(
  text(5000),
  'Nachricht an die federführende Kommune',
  'Message to the lead municipality',
  'Wir betreiben einen Bauhof mit zwölf Beschäftigten und suchen ebenfalls Partner.',
);

/**
 * A coordinator of a municipality that does not take part expresses interest in a published search.
 * The adapter puts the registry's record of the sender's own municipality on the event.
 */
export const expressInterest = event(
  'EXPRESS_INTEREST',
  {
    municipality: municipalityRef,
    message: interestMessage,
  },
  'Eine nicht beteiligte Kommune bekundet Interesse an einer veröffentlichten Partnersuche [P3].',
  'A municipality that does not take part expresses interest in a published partner search [P3].',
);

/** EXPRESS_INTEREST as a client sends it: the message only; the sender's municipality is the token's. */
export const expressInterestRequest = event(
  'EXPRESS_INTEREST',
  { message: interestMessage },
  expressInterest.doc!.de,
  expressInterest.doc!.en,
);

/** A participating municipality agrees that the cooperation appears in the public register [P4]. */
export const agreeToPublication = event(
  'AGREE_TO_PUBLICATION',
  {},
  'Die eigene Kommune stimmt der Veröffentlichung im öffentlichen Projektregister zu; sichtbar wird die Kooperation erst, wenn alle beteiligten Kommunen zugestimmt haben.',
  'The own municipality agrees to publication in the public project register; the cooperation appears only once every participating municipality has agreed.',
);

export const revokePublicationAgreement = event(
  'REVOKE_PUBLICATION_AGREEMENT',
  { reason: about(optional(str({ max: 2000 })), 'Begründung (freiwillig)', 'Reason (optional)') },
  'Die eigene Kommune widerruft ihre Zustimmung; die Kooperation verschwindet sofort aus dem Register.',
  'The own municipality revokes its agreement; the cooperation leaves the register at once.',
);

/**
 * The appointed contact, in person, consents to being named in the register: name, e-mail and
 * function. Consent belongs to that person: a new appointment needs its own.
 */
export const consentToContactPublication = event(
  'CONSENT_TO_CONTACT_PUBLICATION',
  {},
  'Die benannte Ansprechperson willigt selbst ein, im öffentlichen Register mit Name, E-Mail und Funktion genannt zu werden (Art. 6 Abs. 1 lit. a DSGVO); widerruflich.',
  'The appointed contact personally consents to being named in the public register with name, e-mail and function (Art. 6(1)(a) GDPR); revocable.',
);

/** The person, or a coordinator of their municipality, revokes the consent. */
export const revokeContactConsent = event(
  'REVOKE_CONTACT_CONSENT',
  {},
  'Die Einwilligung der Ansprechperson wird widerrufen (von ihr selbst oder der eigenen Kommune); der Kontakt verschwindet sofort aus dem Register.',
  "The contact's consent is revoked (by them or their municipality); the contact leaves the register at once.",
);

export type PublishPartnerSearch = Infer<typeof publishPartnerSearch>;
export type ClosePartnerSearch = Infer<typeof closePartnerSearch>;
export type ExpressInterest = Infer<typeof expressInterest>;
export type AgreeToPublication = Infer<typeof agreeToPublication>;
export type RevokePublicationAgreement = Infer<typeof revokePublicationAgreement>;
export type ConsentToContactPublication = Infer<typeof consentToContactPublication>;
export type RevokeContactConsent = Infer<typeof revokeContactConsent>;

/**
 * Events of municipalities outside the cooperation: they have their own route
 * (`POST /partner-searches/{id}/interests`), since the cooperation is not visible to the sender.
 */
export const OUTSIDER_EVENT_TYPES: readonly string[] = ['EXPRESS_INTEREST'];
