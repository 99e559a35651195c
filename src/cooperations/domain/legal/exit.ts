import { addDays, addMonths, type CalendarDate, type PeriodEnd as CalendarPeriodEnd, toEndOf } from '../calendar';
import { periodEndUnshifted, type Period } from './periods';
import { type Bilingual, type LegalRule, TEXT_DATES } from './rule';

/*
 * Checks for single steps of exit and dissolution: the assembly's majority (§ 20 Abs. 1 GkG NRW),
 * whether termination terms are required at all (§ 23 Abs. 5 GkG NRW), and when a termination
 * takes effect.
 */

export const MAJORITY_RULE = {
  id: 'GKG-20-1',
  citation: '§ 20 Abs. 1 GkG NRW',
  effectiveFrom: TEXT_DATES.GKG,
  effectiveFromConfirmed: false,
  certainty: 'verified',
  /** Two thirds of the statutory number of votes, unless the statute provides otherwise. */
  defaultMajority: { numerator: 2, denominator: 3 },
} as const satisfies LegalRule & { defaultMajority: { numerator: number; denominator: number } };

export interface AssemblyVote {
  votesFor: number;
  /** The statutory number of votes of the assembly (satzungsmäßige Stimmenzahl), not those present. */
  statutoryVotes: number;
  /** A different majority the statute sets. */
  statuteMajority?: { numerator: number; denominator: number };
  /** Changing the association's tasks needs unanimity (§ 20 Abs. 1 S. 2). */
  changesTasks?: boolean;
}

/** Votes in favour needed, and whether they were reached (integer arithmetic, no rounding). */
export function assemblyMajority(vote: AssemblyVote): { needed: number; reached: boolean; basis: string } {
  if (vote.changesTasks) {
    return {
      needed: vote.statutoryVotes,
      reached: vote.votesFor === vote.statutoryVotes,
      basis: '§ 20 Abs. 1 S. 2 GkG NRW',
    };
  }
  const m = vote.statuteMajority ?? MAJORITY_RULE.defaultMajority;
  const needed = Math.ceil((vote.statutoryVotes * m.numerator) / m.denominator);
  const basis = vote.statuteMajority ? 'Verbandssatzung (§ 20 Abs. 1 S. 1 GkG NRW)' : '§ 20 Abs. 1 S. 1 GkG NRW';
  return { needed, reached: vote.votesFor * m.denominator >= vote.statutoryVotes * m.numerator, basis };
}

export const TERMINATION_TERMS_RULE = {
  id: 'GKG-23-5',
  citation: '§ 23 Abs. 5 GkG NRW',
  effectiveFrom: TEXT_DATES.GKG,
  effectiveFromConfirmed: false,
  certainty: 'verified',
  years: 20,
} as const satisfies LegalRule & { years: number };

/**
 * § 23 Abs. 5 GkG NRW: an agreement without a fixed term, or with a term of more than 20 years,
 * must state the conditions and form of termination. Otherwise "no ordinary termination" is a
 * valid term (the agreement ends with its term or by cancellation, § 24 Abs. 5).
 */
export function terminationTermsRequired(term: { start: CalendarDate; end?: CalendarDate }): {
  required: boolean;
  basis: string;
} {
  if (!term.end) return { required: true, basis: `${TERMINATION_TERMS_RULE.citation} (unbefristet)` };
  const lastDayOfTwentyYears = addDays(addMonths(term.start, 12 * TERMINATION_TERMS_RULE.years), -1);
  return term.end > lastDayOfTwentyYears
    ? { required: true, basis: `${TERMINATION_TERMS_RULE.citation} (mehr als 20 Jahre)` }
    : { required: false, basis: TERMINATION_TERMS_RULE.citation };
}

export interface TerminationTerms {
  notice: Period;
  /** The termination takes effect only at the end of a quarter or calendar year. */
  toEndOf?: CalendarPeriodEnd;
  /** Not before this day (e.g. an initial fixed term). */
  earliestEnd?: CalendarDate;
}

export interface TerminationRecord {
  /** The day each partner received the termination; the notice runs from the last receipt. */
  receivedOn: readonly CalendarDate[];
  /** ÖrV: publication of the termination by the supervisory authority (§ 24 Abs. 5 S. 2, Abs. 3). */
  authorityPublishedOn?: CalendarDate;
  /** A later effective date set in the termination itself. */
  statedEffectiveOn?: CalendarDate;
}

export const NOTICE_READING: Bilingual = {
  de: 'Die Kündigungsfrist läuft ab dem Zugang beim letzten Partner (§ 187 Abs. 1 BGB: der Zugangstag zählt nicht) und endet nach § 188 BGB; sie wird nicht auf einen Werktag verschoben, weil sie keine Frist für eine Handlung ist und eine Verschiebung den Partnern die Frist verkürzen würde. Bei der öffentlich-rechtlichen Vereinbarung wird die Kündigung frühestens am Tag nach der Bekanntmachung durch die Aufsichtsbehörde wirksam (§ 24 Abs. 5 S. 2 i. V. m. Abs. 4 GkG NRW).',
  en: "The notice period runs from receipt by the last partner (§ 187(1) BGB: the day of receipt does not count) and ends per § 188 BGB; it is not moved to a working day, because it is no period for an act and moving it would shorten it for the partners. For a public-law agreement the termination takes effect at the earliest on the day after the authority's publication (§ 24(5) s. 2 with subs. 4 GkG NRW).",
};

export interface TerminationEffect {
  /** Last day of the notice period (undefined until every partner has received it). */
  noticeEndsOn?: CalendarDate;
  /** First day on which the termination is effective (the cooperation no longer binds the member). */
  effectiveOn?: CalendarDate;
  /** What is still missing before `effectiveOn` can be named. */
  waitingFor: Array<'receipts' | 'authority-publication'>;
}

/** When a termination takes effect; `partners` is the number of partners who must receive it. */
export function terminationEffect(
  terms: TerminationTerms | 'none',
  record: TerminationRecord,
  partners: number,
  options: { requiresPublication: boolean },
): TerminationEffect {
  const waitingFor: TerminationEffect['waitingFor'] = [];
  if (record.receivedOn.length < partners) waitingFor.push('receipts');
  if (options.requiresPublication && !record.authorityPublishedOn) waitingFor.push('authority-publication');
  if (terms === 'none' || record.receivedOn.length < partners) return { waitingFor };
  const lastReceipt = record.receivedOn.reduce((a, b) => (a > b ? a : b));
  let noticeEndsOn = periodEndUnshifted(lastReceipt, terms.notice);
  if (terms.toEndOf) noticeEndsOn = toEndOf(noticeEndsOn, terms.toEndOf);
  if (terms.earliestEnd && noticeEndsOn < terms.earliestEnd) noticeEndsOn = terms.earliestEnd;
  if (waitingFor.length > 0) return { noticeEndsOn, waitingFor };
  const candidates = [addDays(noticeEndsOn, 1)];
  if (record.authorityPublishedOn) candidates.push(addDays(record.authorityPublishedOn, 1));
  if (record.statedEffectiveOn) candidates.push(record.statedEffectiveOn);
  return { noticeEndsOn, effectiveOn: candidates.reduce((a, b) => (a > b ? a : b)), waitingFor };
}
