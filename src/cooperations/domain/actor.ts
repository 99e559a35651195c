import type { Instant } from './calendar';
import type { Ags } from './municipality';

export type ActorRole = 'coordinator' | 'steering-board' | 'auditor' | 'admin' | 'system';

/** Who sends an event: the token subject, its role and, for coordinators, its municipality. */
export interface Actor {
  sub: string;
  role: ActorRole;
  municipality?: Ags;
}

/** Who sent an event and when; attached by the engine, never by the client. */
export interface EventMeta {
  actor: Actor;
  at: Instant;
}
