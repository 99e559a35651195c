import type { Language } from '../../common/language';
import {
  type CooperationContext,
  describeMissing,
  obligationNature,
  type ObligationNatureView,
  type ObligationResult,
  OBLIGATIONS,
} from '../domain';

/** An unmet obligation as clients see it: catalog texts in the answer language, what is missing. */
export interface UnmetObligation {
  id: string;
  message: string;
  citation: string;
  legalBasis: string | null;
  satisfiedBy: string;
  missing: string[];
  /** `missing` as sentences naming the municipality ("Unterschrift Legden (05554036) fehlt"), same order. */
  missingText: string[];
  /** Statutory, conditional or recommended; waivable; parts markable not applicable; catalog version. */
  nature: ObligationNatureView;
}

export function describeUnmet(
  results: readonly ObligationResult[],
  lang: Language,
  ctx?: Pick<CooperationContext, 'members'>,
): UnmetObligation[] {
  return results
    .filter((r) => !r.met)
    .map((r) => {
      const o = OBLIGATIONS[r.id];
      return {
        id: r.id,
        message: o.text[lang],
        citation: o.citation,
        legalBasis: o.legalBasis,
        satisfiedBy: o.satisfiedBy[lang],
        missing: r.missing,
        missingText: r.missing.map((key) => describeMissing(key, ctx)[lang]),
        nature: obligationNature(r.id),
      };
    });
}
