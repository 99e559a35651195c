import {
  type CooperationState,
  decide,
  type Decision,
  migrateState,
  type PersistedState,
  UnknownDefinitionVersionError,
} from '../domain';
import type { Actor } from '../domain';
import { UnknownDefinitionVersion } from './cooperations.errors';

/*
 * The one place where stored snapshots meet the definition migrations: reads lift the snapshot to
 * the current definition here, and commands hand the persisted snapshot to `decide()`, which lifts
 * it itself (it compares the timers of the snapshot as written with those of the new state).
 */

/** A snapshot in the current definition; a version this engine does not know is an error naming it. */
export function loadState(persisted: PersistedState): CooperationState {
  return translated(() => migrateState(persisted));
}

export function decideOn(persisted: PersistedState, event: unknown, actor: Actor, now: Date): Decision {
  return translated(() => decide(persisted as CooperationState, event, actor, now));
}

function translated<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof UnknownDefinitionVersionError) throw new UnknownDefinitionVersion(error);
    throw error;
  }
}
