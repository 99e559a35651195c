import {
  contractVersionsWith,
  type CooperationContext,
  emptyOperation,
  emptyPublication,
  loiVersionsWith,
} from './cooperation';
import type { CooperationState, LifecycleStateValue } from './cooperation-state';
import { LIFECYCLE_DEFINITION_VERSION } from './lifecycle.machine';
import { initialReportingTimers } from './reporting';
import { termEndTimers } from './term';
import { TERM_END_KEY, withTimers } from './timers';

/** A state as read from storage, written under some definition version. */
export interface PersistedState {
  definitionVersion: number;
  value: LifecycleStateValue;
  context: unknown;
}

export class UnknownDefinitionVersionError extends Error {
  constructor(readonly definitionVersion: unknown) {
    super(
      `Unknown lifecycle definition version ${String(definitionVersion)} ` +
        `(this engine knows 1 to ${LIFECYCLE_DEFINITION_VERSION})`,
    );
    this.name = 'UnknownDefinitionVersionError';
  }
}

type Migration = (state: { value: LifecycleStateValue; context: Record<string, unknown> }) => {
  value: LifecycleStateValue;
  context: Record<string, unknown>;
};

/** MIGRATIONS[n] lifts a state from version n to n + 1. Never edit one that has shipped. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // v2: contract amendments (changes after entry into force) get their own list.
  1: ({ value, context }) => {
    const contract = context.contract as Record<string, unknown>;
    return {
      value,
      context: { ...context, contract: { ...contract, amendments: contract.amendments ?? [] } },
    };
  },
  // v3: `active` becomes parallel (reporting, escalation, membership) and the operation context
  // appears. An active cooperation is lifted to what PUT_INTO_FORCE under v3 leaves behind: empty
  // regions and the due timer of each reporting duty's first period. `decide()` reports those
  // timers in `timers.schedule` (it compares with the persisted state's timers, which v2 lacks);
  // `pendingTimers()` lists them for a bulk reconciliation.
  2: ({ value, context }) => {
    const lifted = { ...context, ...emptyOperation() } as unknown as CooperationContext;
    if (value !== 'active') return { value, context: lifted as unknown as Record<string, unknown> };
    return {
      value: { active: { reporting: 'onTrack', escalation: 'calm', membership: 'stable' } },
      context: withTimers(lifted, initialReportingTimers(lifted)) as unknown as Record<string, unknown>,
    };
  },
  // v4: superseded LoI and contract drafts leave the snapshot (the history keeps them); what remains
  // is what obligations and rules read — the current version, the adopted LoI, versions amendments
  // name. Signatures, resolutions and the supervisory step only ever concern the current version.
  3: ({ value, context }) => {
    const ctx = context as unknown as CooperationContext;
    const pruned: CooperationContext = {
      ...ctx,
      loi: { ...ctx.loi, versions: loiVersionsWith(ctx) },
      contract: { ...ctx.contract, versions: contractVersionsWith(ctx) },
    };
    return { value, context: pruned as unknown as Record<string, unknown> };
  },
  // v5: an active cooperation with a fixed term gets its term-end timer, which before existed only
  // after an amendment. Reconciliation writes the row (ReconcileTimersUseCase, `writtenBefore`).
  4: ({ value, context }) => {
    const ctx = context as unknown as CooperationContext;
    const active = typeof value === 'object' && 'active' in value;
    if (!active || ctx.timers?.[TERM_END_KEY]) return { value, context };
    return { value, context: withTimers(ctx, termEndTimers(ctx)) as unknown as Record<string, unknown> };
  },
  // v6: the partner search can be published and the cooperation can be agreed to the public
  // register (docs/register.md); nothing stored before was either.
  5: ({ value, context }) => ({ value, context: { ...context, ...emptyPublication() } }),
};

/** The definition version from which every active fixed-term cooperation carries its term-end timer. */
export const TERM_END_TIMER_VERSION = 5;

/** Lifts a persisted state step by step to LIFECYCLE_DEFINITION_VERSION. Pure; never mutates. */
export function migrateState(persisted: PersistedState): CooperationState {
  const from = persisted.definitionVersion;
  if (!Number.isInteger(from) || from < 1 || from > LIFECYCLE_DEFINITION_VERSION) {
    throw new UnknownDefinitionVersionError(from);
  }
  let state = { value: persisted.value, context: persisted.context as Record<string, unknown> };
  for (let v = from; v < LIFECYCLE_DEFINITION_VERSION; v++) {
    const migration = MIGRATIONS[v];
    if (!migration) throw new UnknownDefinitionVersionError(v);
    state = migration(state);
  }
  return {
    definitionVersion: LIFECYCLE_DEFINITION_VERSION,
    value: state.value,
    context: state.context as unknown as CooperationState['context'],
  };
}
