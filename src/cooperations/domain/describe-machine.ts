import type { AnyStateNode } from 'xstate';
import { guardObligations, LIFECYCLE_DEFINITION_VERSION, lifecycleMachine } from './lifecycle.machine';
import type { ObligationId } from './obligations.catalog';

export interface LifecycleDescription {
  version: number;
  initial: string;
  states: Array<{
    /** Dotted path, e.g. `contract` (or `active.reporting` once regions exist). */
    id: string;
    type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
    final?: true;
    events: Array<{ type: string; target: string | null; obligations: ObligationId[] }>;
  }>;
  /** Every obligation id some guard of the machine names, in definition order. */
  obligations: ObligationId[];
}

function stateNodes(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...stateNodes(child)]);
}

/** The machine definition as JSON, read from the machine itself (`GET /lifecycle`). */
export function describeLifecycle(): LifecycleDescription {
  const states = stateNodes(lifecycleMachine.root).map((node) => ({
    id: node.path.join('.'),
    type: node.type,
    ...(node.type === 'final' ? { final: true as const } : {}),
    events: [...node.transitions.values()].flat().map((t) => ({
      type: t.eventType as string,
      // Targetless transitions change the context only and stay in the state.
      target: t.target?.map((n) => n.path.join('.')).join(',') ?? null,
      obligations: guardObligations([t]),
    })),
  }));
  return {
    version: LIFECYCLE_DEFINITION_VERSION,
    initial: lifecycleMachine.root.config.initial as string,
    states,
    obligations: [...new Set(states.flatMap((s) => s.events.flatMap((e) => e.obligations)))],
  };
}

/**
 * Mermaid `stateDiagram-v2` of the state-changing transitions, guarded edges labelled with their
 * obligation ids. Events that only change the context are listed in a note per state.
 */
export function lifecycleMermaid(): string {
  const { initial, states } = describeLifecycle();
  const name = (id: string) => id.replace(/\./g, '_');
  const lines = ['stateDiagram-v2', `  [*] --> ${name(initial)}`];
  for (const s of states) {
    for (const e of s.events.filter((x) => x.target !== null)) {
      const guard = e.obligations.length > 0 ? ` [${e.obligations.join(', ')}]` : '';
      lines.push(`  ${name(s.id)} --> ${name(e.target!)} : ${e.type}${guard}`);
    }
    const local = s.events.filter((x) => x.target === null).map((x) => x.type);
    if (local.length > 0) lines.push(`  note right of ${name(s.id)}: ${local.join(', ')}`);
    if (s.final) lines.push(`  ${name(s.id)} --> [*]`);
  }
  return `${lines.join('\n')}\n`;
}
