import type { Language } from '../../common/language';
import { obligationNature, type ObligationNatureView, type ObligationResult, OBLIGATIONS } from '../domain';

/** An unmet obligation as clients see it: catalog texts in the answer language, what is missing. */
export interface UnmetObligation {
  id: string;
  message: string;
  citation: string;
  legalBasis: string | null;
  satisfiedBy: string;
  missing: string[];
  /** Statutory, conditional or recommended; waivable; parts markable not applicable; catalog version. */
  nature: ObligationNatureView;
}

export function describeUnmet(results: readonly ObligationResult[], lang: Language): UnmetObligation[] {
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
        nature: obligationNature(r.id),
      };
    });
}
