import { about, ags, array, event, type Infer, optional, text } from '../schema';
import { contractText } from './contract.events';
import { municipalityRef } from './partner-search.events';

/*
 * Changes while the cooperation is active: an amendment of the contract or statute, which may let
 * further municipalities or Kreise join (Beitritt). It goes through resolutions
 * (RECORD_COUNCIL_RESOLUTION), the supervisory step (RECORD_SUPERVISORY_STEP or each member's
 * RECORD_MEMBER_NOTIFICATION) and publication like the conclusion, then enters into force. A
 * Zweckverband member may leave by it (§ 20 GkG NRW): it is no partner from the day it is in force.
 */

const reason = about(text(5000), 'Anlass und Inhalt der Änderung', 'Occasion and content of the amendment');

/** Zweckverband: members leave by the amendment of the statute (§ 20 Abs. 1, 2 und 4 GkG NRW). */
const leaving = about(
  optional(array(ags, { max: 50 })),
  'Verbandsmitglieder, die mit der Satzungsänderung ausscheiden (nur Zweckverband, § 20 GkG NRW)',
  'Members leaving with the amended statute (Zweckverband only, § 20 GkG NRW)',
  ['05554052'],
);

/** Lead only, while active and no other amendment is open: the amended text, and who joins. */
export const proposeAmendment = event(
  'PROPOSE_AMENDMENT',
  {
    reason,
    joining: about(
      optional(array(municipalityRef, { max: 50 })),
      'Beitretende Kommunen oder Kreise (wie im Kommunalverzeichnis)',
      'Joining municipalities or Kreise (as in the registry)',
    ),
    leaving,
    ...contractText,
  },
  'Die federführende Kommune legt eine Änderung des Vertrags (der Satzung) vor, ggf. mit Beitritt weiterer Kommunen.',
  'The lead municipality proposes an amendment of the contract (statute), possibly with further members joining.',
);

/** PROPOSE_AMENDMENT as a client sends it: joining members by AGS, looked up by the adapter. */
export const proposeAmendmentRequest = event(
  'PROPOSE_AMENDMENT',
  {
    reason,
    joining: about(
      optional(array(ags, { max: 50 })),
      'AGS der beitretenden Kommunen oder Kreise (werden im Kommunalverzeichnis nachgeschlagen)',
      'AGS of the joining municipalities or Kreise (looked up in the registry)',
      ['05554000'],
    ),
    leaving,
    ...contractText,
  },
  proposeAmendment.doc!.de,
  proposeAmendment.doc!.en,
);

/** Lead only. Guards the amendment's resolutions and supervisory step; joining members become partners. */
export const putAmendmentIntoForce = event(
  'PUT_AMENDMENT_INTO_FORCE',
  {},
  'Die federführende Kommune setzt die Änderung in Kraft; beitretende Kommunen werden Partner.',
  'The lead municipality puts the amendment into force; joining municipalities become partners.',
);

/** Lead only: the open amendment is dropped (e.g. a council refused it). */
export const withdrawAmendment = event(
  'WITHDRAW_AMENDMENT',
  { reason: about(text(5000), 'Begründung', 'Reason') },
  'Die federführende Kommune zieht die offene Änderung zurück.',
  'The lead municipality withdraws the open amendment.',
);

export type ProposeAmendment = Infer<typeof proposeAmendment>;
export type PutAmendmentIntoForce = Infer<typeof putAmendmentIntoForce>;
export type WithdrawAmendment = Infer<typeof withdrawAmendment>;
