import {
  type CooperationState,
  decide,
  type Decision,
  type NextEvent,
  nextEvents,
  migrateState,
  type PersistedState,
  UnknownDefinitionVersionError,
} from '../domain';
import type { Actor } from '../domain';
import { UnknownDefinitionVersion } from './cooperations.errors';

/*
 * Where stored snapshots meet the definition migrations: reads lift a snapshot to the current
 * definition here; commands and the "what next" view hand the snapshot as stored to the domain
 * (`decide()`, `nextEvents()`), which lifts it itself — once per request either way. A version
 * this engine does not know becomes UnknownDefinitionVersion, naming it.
 */

/** A snapshot in the current definition; a version this engine does not know is an error naming it. */
export function loadState(persisted: PersistedState): CooperationState {
  return translated(() => migrateState(persisted));
}

export function nextEventsOn(persisted: PersistedState, actor: Actor, now: Date): NextEvent[] {
  return translated(() => nextEvents(persisted, actor, now));
}

export function decideOn(persisted: PersistedState, event: unknown, actor: Actor, now: Date): Decision {
  return translated(() => decide(persisted, event, actor, now));
}

function translated<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof UnknownDefinitionVersionError) throw new UnknownDefinitionVersion(error);
    throw error;
  }
}
