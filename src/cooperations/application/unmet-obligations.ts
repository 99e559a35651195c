import type { Language } from '../../common/language';
import { type ObligationResult, OBLIGATIONS } from '../domain';

/** An unmet obligation as clients see it: catalog texts in the answer language, what is missing. */
export interface UnmetObligation {
  id: string;
  message: string;
  citation: string;
  legalBasis: string | null;
  satisfiedBy: string;
  missing: string[];
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
      };
    });
}
