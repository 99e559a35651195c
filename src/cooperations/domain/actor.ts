import type { Ags } from './municipality';

export type ActorRole = 'coordinator' | 'steering-board' | 'auditor' | 'admin' | 'system';

/** Who sends an event: the token subject, its role and, for coordinators, its municipality. */
export interface Actor {
  sub: string;
  role: ActorRole;
  municipality?: Ags;
}
