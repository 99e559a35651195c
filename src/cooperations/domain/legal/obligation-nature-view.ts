import type { ObligationId } from '../obligations.catalog';
import { OBLIGATION_CATALOG_VERSION, OBLIGATION_NATURE } from './obligation-nature';
import type { Bilingual } from './rule';

/*
 * What clients are told of an obligation's nature (GET /obligations, unmet obligations in 409
 * answers and in GET …/next): statutory, conditional or recommended, on which basis, and whether it
 * may be waived or has parts that may be marked not applicable. One shape, read from the catalog.
 */

export interface ObligationNatureView {
  kind: 'statutory' | 'conditional' | 'recommended';
  /** The statute for statutory and conditional obligations, the FAQ paragraph for recommended ones. */
  basis: string;
  /** Conditional: when the statute requires it. */
  statutoryFor?: Bilingual;
  waivable: boolean;
  notWaivableBecause?: Bilingual;
  /** Parts that may be marked not applicable ("ggfs."), by field name. */
  markableNotApplicable: string[];
  catalogVersion: number;
}

export function obligationNature(id: ObligationId): ObligationNatureView {
  const rule = OBLIGATION_NATURE[id];
  const n = rule.nature;
  return {
    kind: n.kind,
    basis: n.kind === 'recommended' ? n.source : n.basis,
    ...(n.kind === 'conditional' ? { statutoryFor: n.statutoryFor } : {}),
    waivable: rule.waivable,
    ...(rule.notWaivableBecause ? { notWaivableBecause: rule.notWaivableBecause } : {}),
    markableNotApplicable: [...(rule.mayBeNotApplicable ?? [])],
    catalogVersion: OBLIGATION_CATALOG_VERSION,
  };
}
