import type { Principal } from '../../auth/principal';
import { type Actor, SYSTEM_ACTOR } from '../domain';

/** The domain's actor for a caller: who acts, in which role, for which municipality. */
export function actorOf(principal: Principal): Actor {
  return {
    sub: principal.sub,
    role: principal.role,
    ...(principal.municipality ? { municipality: principal.municipality } : {}),
  };
}

/** The scheduler, as history entries record it (`docs/operation-phase.md`). */
export const SYSTEM_PRINCIPAL = { sub: SYSTEM_ACTOR.sub, role: SYSTEM_ACTOR.role } as unknown as Principal;

/** The caller as history entries record it. */
export const historyActor = (principal: Principal) => ({
  sub: principal.sub,
  role: principal.role,
  municipality: principal.municipality ?? null,
});
