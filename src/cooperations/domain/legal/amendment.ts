import type { CalendarDate } from '../calendar';
import type { LegalFormId } from './legal-form-ids';
import { type LegalRule, ruleOn, TEXT_DATES } from './rule';

/*
 * What an amendment while active needs besides resolutions and the supervisory step: whether the
 * parties sign the amended text, or — for the Zweckverband — the assembly resolves on it with two
 * thirds of its statutory votes (§ 20 Abs. 1 GkG NRW; unanimity when the tasks change).
 */

export interface AmendmentRule extends LegalRule {
  form: LegalFormId;
  /** The parties (including those joining) sign the amended text. */
  signatures: boolean;
  /** The Zweckverband assembly votes on it (§ 20 Abs. 1 GkG NRW); the partners' councils then do not. */
  assemblyVote: boolean;
}

const rule = (
  form: LegalFormId,
  signatures: boolean,
  citation: string,
  certainty: LegalRule['certainty'],
  effectiveFrom: CalendarDate = TEXT_DATES.GKG,
): AmendmentRule => ({
  id: `AMEND-${form.toUpperCase()}`,
  form,
  signatures,
  assemblyVote: form === 'zweckverband',
  citation,
  certainty,
  effectiveFrom,
  effectiveFromConfirmed: false,
});

export const AMENDMENT_RULES: readonly AmendmentRule[] = [
  // The amending agreement is written like the agreement itself (§ 24 Abs. 1 S. 1); the municipality's
  // binding declaration is signed by the (deputy) mayor (§ 64 Abs. 1 GO NRW).
  rule('oeffentlich-rechtliche-vereinbarung', true, '§ 24 Abs. 1 S. 1 GkG NRW; § 64 Abs. 1 GO NRW', 'verified'),
  // The statute is amended by the assembly's resolution and published; the members do not sign it.
  rule('zweckverband', false, '§ 20 Abs. 1 und 4 GkG NRW', 'verified'),
  // The amendment of the enterprise's statute is agreed between the parties (§ 27 Abs. 2 S. 2).
  rule('gemeinsames-kommunalunternehmen', true, '§ 27 Abs. 2 S. 2 GkG NRW; § 64 Abs. 1 GO NRW', 'verified'),
  rule('kommunale-arbeitsgemeinschaft', true, '§§ 2–3 GkG NRW (nach der Vereinbarung)', 'unverified'),
  // Articles are amended by the shareholders; the municipality's declaration is signed (§ 64 Abs. 1 GO NRW).
  rule('private-law', true, '§ 64 Abs. 1 GO NRW', 'verified', TEXT_DATES.GO),
];

export function amendmentRule(form: LegalFormId, on: CalendarDate): AmendmentRule | undefined {
  return ruleOn(AMENDMENT_RULES, on, (r) => r.form === form);
}
