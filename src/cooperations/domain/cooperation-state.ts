import type { CooperationContext } from './cooperation';

/** An XState state value: a state name, or for nested/parallel states an object of them. */
export type LifecycleStateValue = string | { [state: string]: LifecycleStateValue };

/** What the adapter persists (jsonb): plain JSON, no XState objects. */
export interface CooperationState {
  definitionVersion: number;
  value: LifecycleStateValue;
  context: CooperationContext;
}

/**
 * Dotted path of the state value: `letterOfIntent`, `active.reporting.onTrack`. Parallel regions
 * give several paths, joined by `,` in region order (reporting, escalation, membership): the
 * order is fixed here, because jsonb does not keep the key order of the stored value.
 */
export function stateToString(value: LifecycleStateValue): string {
  return statePaths(value).join(',');
}

/** The top-level state (phase): `partnerSearch` … `active`, `dissolving`, `dissolved`, `abandoned`. */
export function phaseOf(value: LifecycleStateValue): string {
  return typeof value === 'string' ? value : Object.keys(value)[0];
}

const REGION_ORDER = ['reporting', 'escalation', 'membership'];
const regionRank = (name: string) => {
  const i = REGION_ORDER.indexOf(name);
  return i < 0 ? REGION_ORDER.length : i;
};

function statePaths(value: LifecycleStateValue): string[] {
  if (typeof value === 'string') return [value];
  const entries = Object.entries(value).sort(
    ([a], [b]) => regionRank(a) - regionRank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return entries.flatMap(([state, child]) => {
    const inner = statePaths(child);
    return inner.length === 0 ? [state] : inner.map((p) => `${state}.${p}`);
  });
}
