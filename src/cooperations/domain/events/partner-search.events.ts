import { MUNICIPALITY_KINDS } from '../municipality';
import { about, ags, date, email, event, type Infer, object, oneOf, optional, str, text } from '../schema';

/*
 * Events of the partner search, and those every phase before `active` accepts. The acting
 * municipality is never part of a payload: it is the actor's (token's) municipality, so nobody
 * can act "for" another municipality by writing its key into a body.
 */

const reason = about(optional(str({ max: 2000 })), 'Begründung (freiwillig)', 'Reason (optional)');

/** A municipality as the registry knows it; the HTTP adapter looks it up and puts it on the event. */
export const municipalityRef = object(
  {
    ags: about(ags, 'Amtlicher Gemeindeschlüssel (AGS)', 'Official municipality key (AGS)', '05554036'),
    name: about(text(200), 'Name', 'Name', 'Legden'),
    kind: about(oneOf(MUNICIPALITY_KINDS), 'Art der Körperschaft', 'Kind of public body'),
    district: about(
      text(200),
      'Kreis (bei kreisfreien Städten die Stadt selbst)',
      'District (the city itself when kreisfrei)',
    ),
    region: about(text(200), 'Regierungsbezirk', 'Administrative region (Regierungsbezirk)', 'Münster'),
  },
  'MunicipalityRef',
);

/** Lead only. Invites a municipality (as looked up in the registry by the adapter). */
export const invitePartner = event(
  'INVITE_PARTNER',
  { municipality: municipalityRef },
  'Die federführende Kommune lädt eine Kommune zur Kooperation ein.',
  'The lead municipality invites a municipality to the cooperation.',
);

/**
 * INVITE_PARTNER as a client sends it: the AGS only. The adapter looks the municipality up in the
 * registry and decides `invitePartner` with what the registry knows.
 */
export const invitePartnerRequest = event(
  'INVITE_PARTNER',
  {
    municipality: about(
      ags,
      'AGS der einzuladenden Kommune (wird im Kommunalverzeichnis nachgeschlagen)',
      'AGS of the municipality to invite (looked up in the registry)',
      '05554036',
    ),
  },
  invitePartner.doc!.de,
  invitePartner.doc!.en,
);

export const acceptInvitation = event(
  'ACCEPT_INVITATION',
  {},
  'Die eingeladene Kommune nimmt die Einladung an.',
  'The invited municipality accepts the invitation.',
);

export const declineInvitation = event(
  'DECLINE_INVITATION',
  { reason },
  'Die eingeladene Kommune lehnt die Einladung ab.',
  'The invited municipality declines the invitation.',
);

export const withdrawInvitation = event(
  'WITHDRAW_INVITATION',
  {
    municipality: about(
      ags,
      'AGS der Kommune, deren offene Einladung zurückgezogen wird',
      'AGS of the municipality whose open invitation is withdrawn',
      '05554036',
    ),
  },
  'Die federführende Kommune zieht eine noch offene Einladung zurück.',
  'The lead municipality withdraws an invitation that is still open.',
);

/** A partner (not the lead) leaves during the partner search [P3]. */
export const leavePartnerSearch = event(
  'LEAVE_PARTNER_SEARCH',
  { reason },
  'Eine Partnerkommune (nicht die Federführung) verlässt die Partnersuche.',
  'A partner (not the lead) leaves the partner search.',
);

const contactAuthority = object(
  {
    conferredBy: about(
      text(200),
      'Wer die Befugnis erteilt hat, z. B. Bürgermeisterin oder Rat (Beschluss 2026/041)',
      "Who conferred the authority, e.g. 'Bürgermeisterin' or 'Rat (Beschluss 2026/041)'",
      'Bürgermeister der Gemeinde Heek',
    ),
    conferredOn: about(
      date,
      'Datum der Erteilung; nicht in der Zukunft',
      'Date conferred; not in the future',
      '2026-01-21',
    ),
    scope: about(
      text(2000),
      'Was die Ansprechperson entscheiden darf, in Worten',
      'What the contact may decide, in words',
      'Verhandlung und Unterzeichnung der Absichtserklärung',
    ),
  },
  'ContactAuthority',
);

/**
 * A participating municipality appoints its own contact person with decision-making authority
 * [P4]. Allowed in every phase before `active` (people change jobs); signatures already given by
 * the previous contact stay valid. A coordinator who names someone else's token subject
 * (`userSub`) makes a pending appointment that counts only once that person confirms it
 * (CONFIRM_CONTACT_APPOINTMENT): nobody becomes another's contact by having their `sub` typed in.
 */
export const appointContact = event(
  'APPOINT_CONTACT',
  {
    name: about(text(200), 'Name der Ansprechperson', 'Name of the contact person', 'Anna Brüning'),
    email: about(optional(email), 'E-Mail-Adresse', 'E-mail address', 'a.bruening@heek.de'),
    position: about(
      text(200),
      'Funktion, z. B. Fachbereichsleitung Bauen und Umwelt',
      'Job title',
      'Fachbereichsleiterin Bauen, Planen, Umwelt',
    ),
    userSub: about(
      text(200),
      'Token-Subjekt (`sub`) der Koordinatorin oder des Koordinators, die oder der für die Kommune handelt und unterzeichnet; ist es nicht das eigene, gilt die Benennung erst nach deren oder dessen Bestätigung (CONFIRM_CONTACT_APPOINTMENT)',
      "Token subject (`sub`) of the coordinator who acts and signs for the municipality; when it is not the sender's own, the appointment counts once that person confirms it (CONFIRM_CONTACT_APPOINTMENT)",
    ),
    authority: about(contactAuthority, 'Entscheidungsbefugnis [P4]', 'Decision-making authority [P4]'),
  },
  'Die eigene Kommune benennt ihre Ansprechperson mit Entscheidungsbefugnis [P4]; in jeder Phase vor dem Betrieb.',
  "Appoints the own municipality's contact person with decision-making authority [P4]; in any phase before active.",
);

/**
 * The person an APPOINT_CONTACT named by another's token subject confirms it, signed in for the
 * appointing municipality: only then is the appointment the municipality's contact.
 */
export const confirmContactAppointment = event(
  'CONFIRM_CONTACT_APPOINTMENT',
  {},
  'Die benannte Person bestätigt ihre Benennung als Ansprechperson der eigenen Kommune; erst dann gilt sie.',
  'The person appointed as contact of their own municipality confirms it; only then does it count.',
);

/** Lead only. Guards OBL-PARTNERS-MIN, OBL-CONTACT-AUTHORITY. */
export const startLetterOfIntent = event(
  'START_LETTER_OF_INTENT',
  {},
  'Die federführende Kommune beendet die Partnersuche; offene Einladungen erlöschen.',
  'The lead municipality ends the partner search; open invitations lapse.',
);

/** Lead only, any phase before `active`. */
export const abandon = event(
  'ABANDON',
  { reason: about(text(5000), 'Warum die Kooperation aufgegeben wird', 'Why the cooperation is abandoned') },
  'Die federführende Kommune gibt die Kooperation vor dem Betrieb auf.',
  'The lead municipality abandons the cooperation before it is active.',
);

export type InvitePartner = Infer<typeof invitePartner>;
export type AcceptInvitation = Infer<typeof acceptInvitation>;
export type DeclineInvitation = Infer<typeof declineInvitation>;
export type WithdrawInvitation = Infer<typeof withdrawInvitation>;
export type LeavePartnerSearch = Infer<typeof leavePartnerSearch>;
export type AppointContact = Infer<typeof appointContact>;
export type ConfirmContactAppointment = Infer<typeof confirmContactAppointment>;
export type StartLetterOfIntent = Infer<typeof startLetterOfIntent>;
export type Abandon = Infer<typeof abandon>;
