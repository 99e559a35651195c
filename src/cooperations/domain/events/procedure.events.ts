import { about, ags, date, event, type Infer, int, oneOf, optional, str, text } from '../schema';
import { statuteMajority } from './operation.events';

/*
 * Steps of the procedures for amendments, exit and dissolution that depend on the legal form: the
 * Zweckverband assembly's vote (§ 20 Abs. 1 GkG NRW), the parties' signatures of an amended text,
 * and for the öffentlich-rechtliche Vereinbarung the receipt of a termination by each partner and
 * the authority's publication of it (§ 24 Abs. 5 GkG NRW).
 */

export const ASSEMBLY_VOTE_SUBJECTS = ['amendment', 'dissolution'] as const;

/** Lead or seat, Zweckverband only: the assembly's resolution on the open amendment or dissolution. */
export const recordAssemblyVote = event(
  'RECORD_ASSEMBLY_VOTE',
  {
    subject: about(
      oneOf(ASSEMBLY_VOTE_SUBJECTS),
      'Worüber die Verbandsversammlung beschlossen hat',
      'What the assembly decided on',
    ),
    date: about(date, 'Datum der Sitzung', 'Date of the meeting'),
    votesFor: about(int({ min: 0, max: 100_000 }), 'Ja-Stimmen', 'Votes in favour'),
    statutoryVotes: about(
      int({ min: 1, max: 100_000 }),
      'Satzungsmäßige Stimmenzahl der Verbandsversammlung (nicht die anwesenden)',
      'Statutory number of votes of the assembly (not those present)',
    ),
    statuteMajority,
    reference: about(text(300), 'Niederschrift oder Beschlussnummer', 'Minutes or resolution number'),
  },
  'Die Verbandsversammlung hat über die Änderung der Verbandssatzung oder die Auflösung beschlossen (§ 20 Abs. 1 GkG NRW).',
  "The association's assembly voted on the amendment of the statute or the dissolution (§ 20(1) GkG NRW).",
);

/** A party's appointed contact (or a joining party) signs the amended text where the form needs it. */
export const signAmendment = event(
  'SIGN_AMENDMENT',
  { version: about(int({ min: 1 }), 'Die Fassung der offenen Änderung', 'The version of the open amendment') },
  'Eine beteiligte oder beitretende Kommune unterzeichnet die geänderte Fassung.',
  'A participating or joining municipality signs the amended text.',
);

/** A partner records the day the termination of `municipality` reached it (§ 130 BGB analogously). */
export const recordTerminationReceipt = event(
  'RECORD_TERMINATION_RECEIPT',
  {
    municipality: about(ags, 'Die kündigende Kommune', 'The terminating municipality', '05554052'),
    receivedOn: about(
      date,
      'Zugang der Kündigung bei der eigenen Kommune',
      'Receipt of the termination by the own municipality',
    ),
  },
  'Die eigene Kommune erfasst, wann ihr die Kündigung eines Partners zugegangen ist; die Kündigungsfrist läuft ab dem letzten Zugang.',
  "The own municipality records when a partner's termination reached it; the notice period runs from the last receipt.",
);

/** The terminating municipality records the authority's publication of its termination (§ 24 Abs. 5, Abs. 3 GkG NRW). */
export const recordTerminationPublication = event(
  'RECORD_TERMINATION_PUBLICATION',
  {
    publishedOn: about(date, 'Bekanntmachung durch die Aufsichtsbehörde', "The authority's publication"),
    gazetteReference: about(optional(str({ max: 300 })), 'Fundstelle', 'Gazette reference'),
  },
  'Die kündigende Kommune erfasst die Bekanntmachung ihrer Kündigung durch die Aufsichtsbehörde.',
  'The terminating municipality records the publication of its termination by the authority.',
);

export type RecordAssemblyVote = Infer<typeof recordAssemblyVote>;
export type SignAmendment = Infer<typeof signAmendment>;
export type RecordTerminationReceipt = Infer<typeof recordTerminationReceipt>;
export type RecordTerminationPublication = Infer<typeof recordTerminationPublication>;
