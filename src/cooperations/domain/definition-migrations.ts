import type { CooperationState, LifecycleStateValue } from './cooperation-state';
import { LIFECYCLE_DEFINITION_VERSION } from './lifecycle.machine';

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
};

/** Lifts a persisted state step by step to LIFECYCLE_DEFINITION_VERSION. Pure; never mutates. */
export function migrateState(persisted: PersistedState): CooperationState {
  const from = persisted.definitionVersion;
  if (!Number.isInteger(from) || from < 1 || from > LIFECYCLE_DEFINITION_VERSION)
    throw new UnknownDefinitionVersionError(from);
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
