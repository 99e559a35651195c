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
 * Dotted path of the state value: `letterOfIntent`, `active.reporting.idle`. Parallel regions
 * (from issue 5 on) give several paths, joined by `,` in region order.
 */
export function stateToString(value: LifecycleStateValue): string {
  return statePaths(value).join(',');
}

function statePaths(value: LifecycleStateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([state, child]) => {
    const inner = statePaths(child);
    return inner.length === 0 ? [state] : inner.map((p) => `${state}.${p}`);
  });
}
