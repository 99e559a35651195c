import { germanDate } from './calendar';
import type { CooperationContext } from './cooperation';
import type { Authority, Bilingual, RuleCertainty } from './legal';
import { actDate, competenceOf, currentProcedure, conclusionProcedure, type Procedure } from './supervision';

/*
 * The competent supervisory authority as the cooperation shows it, derived as soon as the legal
 * form (the contract draft) and the members are known — before anyone records a step.
 */

export interface AuthorityRef {
  id: string;
  names: Authority['names'];
  role: Bilingual;
}

export interface CompetentAuthorityView {
  /** Which procedure it is derived for: the conclusion, or the open amendment (with those joining). */
  procedure: Procedure['kind'];
  /** The date the rules were taken at: receipt of the application, else today. */
  on: string;
  status: 'determined' | 'designation-required' | 'per-member' | 'none' | 'incomplete';
  authority?: AuthorityRef;
  /** designation-required: who designates, and what the engine proposes until then. */
  designatedBy?: AuthorityRef;
  proposed?: AuthorityRef;
  designationRequired: boolean;
  /** per-member (§ 115 GO NRW): each member's own authority. */
  members?: Array<{ ags: string; authority: AuthorityRef }>;
  basis?: string;
  rule?: { id: string; citation: string; certainty: RuleCertainty };
  warnings: Bilingual[];
  /** incomplete: what is needed to derive it. */
  missing?: string[];
}

const ref = (a: Authority): AuthorityRef => ({ id: a.id, names: a.names, role: a.role });

export function competentAuthorityView(ctx: CooperationContext, now: Date): CompetentAuthorityView | null {
  const proc = currentProcedure(ctx) ?? conclusionProcedure(ctx);
  if (!proc) return null;
  const on = actDate(proc, germanDate(now));
  const c = competenceOf(proc, on);
  const base = { procedure: proc.kind, on, designationRequired: c.status === 'designation-required' };
  switch (c.status) {
    case 'incomplete':
      return { ...base, status: c.status, warnings: [], missing: c.missing };
    case 'per-member':
      return {
        ...base,
        status: c.status,
        members: c.members.map((m) => ({ ags: m.ags, authority: ref(m.authority) })),
        basis: c.basis,
        rule: { id: c.rule.id, citation: c.rule.citation, certainty: c.rule.certainty },
        warnings: c.rule.reading ? [c.rule.reading] : [],
      };
    case 'none':
      return { ...base, status: c.status, basis: c.basis, rule: ruleOf(c.rule), warnings: c.warnings };
    case 'determined':
      return {
        ...base,
        status: c.status,
        authority: ref(c.authority),
        basis: c.basis,
        rule: ruleOf(c.rule),
        warnings: c.warnings,
      };
    case 'designation-required':
      return {
        ...base,
        status: c.status,
        designatedBy: ref(c.designatedBy),
        proposed: ref(c.proposed),
        basis: c.basis,
        rule: ruleOf(c.rule),
        warnings: c.warnings,
      };
  }
}

const ruleOf = (r: { id: string; citation: string; certainty: RuleCertainty }) => ({
  id: r.id,
  citation: r.citation,
  certainty: r.certainty,
});
