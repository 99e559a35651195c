import type { CalendarDate } from '../calendar';
import type { Bilingual } from '../obligations.catalog';

export type { Bilingual };

/**
 * Legal rules are data: each one names the provision it comes from, when it applies, and how sure
 * we are of its wording. A change of law is a new rule with its own `effectiveFrom` (and the old
 * one's `effectiveTo`), never an edit of code paths. Rules are evaluated at the date of the legal
 * act (the resolution, the application's receipt, the publication), not at "today".
 */

/**
 * - `verified`: the statute text was read (source in docs/legal-forms.md) and the rule follows it.
 * - `reading`: the text was read but is open; the engine takes the reading documented in `reading`.
 * - `unverified`: the text could not be read; the rule is kept as data and flagged, never silently.
 */
export type RuleCertainty = 'verified' | 'reading' | 'unverified';

export interface LegalRule {
  /** Stable id, e.g. 'GKG-29-1-ZV'; docs and tests refer to it. */
  id: string;
  /** The provision, cited by paragraph, e.g. '§ 29 Abs. 1 S. 1 GkG NRW'. */
  citation: string;
  /** First day of application (inclusive). */
  effectiveFrom: CalendarDate;
  /** Last day of application (inclusive); absent while in force. */
  effectiveTo?: CalendarDate;
  /**
   * False where the commencement date itself was not verified: `effectiveFrom` is then the date of
   * the consolidated text (or of the stand of the text read) from which the rule is known to apply.
   */
  effectiveFromConfirmed: boolean;
  certainty: RuleCertainty;
  /** The reading taken where the statute is open or could not be read completely. */
  reading?: Bilingual;
}

export function inForce(rule: LegalRule, on: CalendarDate): boolean {
  return rule.effectiveFrom <= on && (rule.effectiveTo === undefined || on <= rule.effectiveTo);
}

/** The rule matching `pick` in force on `on` (the latest `effectiveFrom` wins), if any. */
export function ruleOn<R extends LegalRule>(
  rules: readonly R[],
  on: CalendarDate,
  pick: (r: R) => boolean,
): R | undefined {
  return rules
    .filter((r) => pick(r) && inForce(r, on))
    .reduce<R | undefined>((best, r) => (!best || r.effectiveFrom > best.effectiveFrom ? r : best), undefined);
}

/** Consolidated texts the rules were taken from (Bekanntmachung dates, as cited by later amendments). */
export const TEXT_DATES = {
  /** GkG NRW in der Fassung der Bekanntmachung vom 1. Oktober 1979 (GV. NW. S. 621). */
  GKG: '1979-10-01',
  /** GO NRW in der Fassung der Bekanntmachung vom 14. Juli 1994 (GV. NW. S. 666). */
  GO: '1994-07-14',
  /** KrO NRW in der Fassung der Bekanntmachung vom 14. Juli 1994. */
  KRO: '1994-07-14',
  /** VwVfG NRW in der Fassung der Bekanntmachung vom 12. November 1999. */
  VWVFG: '1999-11-12',
  /** Stand of the § 28 GkG text read (recht.nrw.de, SGV. NRW. 202, Stand 8.8.2022). */
  GKG_GKU_STAND: '2022-08-08',
} as const satisfies Record<string, CalendarDate>;
