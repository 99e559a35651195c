import type { CooperationContext } from './cooperation';
import { currentContract } from './cooperation';
import { noticePeriodRequired } from './legal/obligation-nature';
import type { ObligationId } from './obligations.catalog';

/*
 * Good practice is not law: a recommended obligation waived with a reason (WAIVE_OBLIGATION) counts
 * as met, a "ggfs." part marked not applicable is no longer missing. What a statute requires stays
 * required even inside an obligation that is otherwise a recommendation.
 */

interface Result {
  id: ObligationId;
  met: boolean;
  missing: string[];
  waived?: true;
}

/** Items of conditional obligations that are statutory for this contract and survive a waiver. */
function statutoryItems(ctx: CooperationContext, id: ObligationId): string[] {
  const contract = currentContract(ctx);
  if (id !== 'OBL-EXIT-TERMS' || !contract) return [];
  const items: string[] = [];
  // § 23 Abs. 5 GkG NRW: termination terms for an ÖrV unlimited or over 20 years.
  const term = { start: contract.term.start, end: contract.term.end ?? undefined };
  if (noticePeriodRequired(contract.legalForm, term).required) items.push('exitTerms.noticePeriod');
  // § 28 Abs. 1 S. 1 Nr. 6 GkG NRW: the gKU's statute distributes assets and staff on exit.
  if (contract.legalForm === 'gemeinsames-kommunalunternehmen') items.push('exitTerms.assets', 'exitTerms.staff');
  return items;
}

const lastSegment = (item: string) => item.slice(item.lastIndexOf('.') + 1);

export function applyWaivers<R extends Result>(ctx: CooperationContext, r: R): R {
  const waivers = (ctx.waivers ?? []).filter((w) => w.obligation === r.id);
  if (r.met || waivers.length === 0) return r;
  const parts = new Set(waivers.flatMap((w) => (w.part ? [w.part] : [])));
  const whole = waivers.some((w) => w.part === null);
  const keep = new Set(statutoryItems(ctx, r.id));
  const missing = r.missing.filter((m) => keep.has(m) || (!whole && !parts.has(lastSegment(m))));
  if (missing.length === r.missing.length) return r;
  return { ...r, met: missing.length === 0, missing, ...(missing.length === 0 ? { waived: true as const } : {}) };
}
