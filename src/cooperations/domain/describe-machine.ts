import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import {
  guardObligations,
  LIFECYCLE_DEFINITION_VERSION,
  lifecycleMachine,
  routeObligations,
} from './lifecycle.machine';
import type { ObligationId } from './obligations.catalog';

export interface LifecycleDescription {
  version: number;
  initial: string;
  states: Array<{
    /** Dotted path, e.g. `contract`, `active.reporting`, `active.reporting.overdue`. */
    id: string;
    type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
    final?: true;
    /** For compound states: the initial child. */
    initial?: string;
    events: Array<{
      type: string;
      target: string | null;
      /** Required: unmet → the event is refused with these obligations. */
      obligations: ObligationId[];
      /** Routing: the event is applied either way and takes this target when these are met after it. */
      when?: ObligationId[];
      /** Any other guard routing the event, by name (e.g. `fewerThanTwoPartnersAfterApply`). */
      guard?: string;
    }>;
    /** Eventless transitions: the region follows the context (e.g. onTrack → overdue). */
    always?: Array<{ target: string; guard: string }>;
  }>;
  /** Every obligation id some guard of the machine names, in definition order. */
  obligations: ObligationId[];
}

function stateNodes(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...stateNodes(child)]);
}

const targetOf = (t: AnyTransitionDefinition) => t.target?.map((n) => n.path.join('.')).join(',') ?? null;

type GuardRef = string | { type?: string } | ((...args: never[]) => unknown) | undefined;

function nameOf(guard: GuardRef): string | undefined {
  if (!guard) return undefined;
  if (typeof guard === 'string') return guard;
  // xstate's not(g) is a function named `not` holding `guards: [g]`.
  if (typeof guard === 'function') {
    const inner = (guard as { guards?: GuardRef[] }).guards;
    return guard.name === 'not' && inner?.length === 1 ? `not ${nameOf(inner[0])}` : 'inline';
  }
  return guard.type;
}

const guardName = (t: AnyTransitionDefinition): string | undefined => nameOf(t.guard);

/** The machine definition as JSON, read from the machine itself (`GET /lifecycle`). */
export function describeLifecycle(): LifecycleDescription {
  const states = stateNodes(lifecycleMachine.root).map((node) => {
    const always = (node.always ?? []).map((t) => ({ target: targetOf(t)!, guard: guardName(t) ?? 'true' }));
    return {
      id: node.path.join('.'),
      type: node.type,
      ...(node.type === 'final' ? { final: true as const } : {}),
      ...(node.type === 'compound' && node.initial?.target[0]
        ? { initial: node.initial.target[0].path.join('.') }
        : {}),
      events: [...node.transitions.values()].flat().map((t) => {
        const when = routeObligations([t]);
        const guard = guardName(t);
        return {
          type: t.eventType as string,
          // Targetless transitions change the context only and stay in the state.
          target: targetOf(t),
          obligations: guardObligations([t]),
          ...(when.length > 0 ? { when } : {}),
          ...(guard && guard !== 'obligationsMet' && when.length === 0 ? { guard } : {}),
        };
      }),
      ...(always.length > 0 ? { always } : {}),
    };
  });
  return {
    version: LIFECYCLE_DEFINITION_VERSION,
    initial: lifecycleMachine.root.config.initial as string,
    states,
    obligations: [...new Set(states.flatMap((s) => s.events.flatMap((e) => [...e.obligations, ...(e.when ?? [])])))],
  };
}

/**
 * Mermaid `stateDiagram-v2`: the phases with their state-changing transitions, guarded edges
 * labelled with their obligation ids (routes with `when …`); events that only change the context
 * listed in a note per state; `active` drawn as a composite state with its parallel regions.
 */
export function lifecycleMermaid(): string {
  const { initial, states } = describeLifecycle();
  const name = (id: string) => id.replace(/\./g, '_');
  const lines = ['stateDiagram-v2', `  [*] --> ${name(initial)}`];
  const edges = (s: LifecycleDescription['states'][number], indent: string) => {
    for (const e of s.events.filter((x) => x.target !== null)) {
      const guard = e.obligations.length > 0 ? ` [${e.obligations.join(', ')}]` : '';
      const route = e.when ? ` when ${e.when.join(', ')}` : e.guard ? ` when ${e.guard}` : '';
      lines.push(`${indent}${name(s.id)} --> ${name(e.target!)} : ${e.type}${guard}${route}`);
    }
    const local = [...new Set(s.events.filter((x) => x.target === null).map((x) => x.type))];
    if (local.length > 0) lines.push(`${indent}note right of ${name(s.id)}: ${local.join(', ')}`);
  };
  for (const s of states.filter((x) => !x.id.includes('.'))) {
    edges(s, '  ');
    if (s.final) lines.push(`  ${name(s.id)} --> [*]`);
    if (s.type !== 'parallel') continue;
    const regions = states.filter((r) => r.id.startsWith(`${s.id}.`) && r.id.split('.').length === 2);
    lines.push(`  state ${name(s.id)} {`);
    regions.forEach((region, i) => {
      if (i > 0) lines.push('    --');
      lines.push(`    state ${name(region.id)} {`);
      if (region.initial) lines.push(`      [*] --> ${name(region.initial)}`);
      for (const child of states.filter((c) => c.id.startsWith(`${region.id}.`))) {
        for (const a of child.always ?? []) lines.push(`      ${name(child.id)} --> ${name(a.target)} : ${a.guard}`);
      }
      lines.push('    }');
    });
    lines.push('  }');
    for (const region of regions) edges(region, '  ');
  }
  return `${lines.join('\n')}\n`;
}
