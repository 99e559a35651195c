import type { Principal } from '../../auth/principal';
import { NotYourMunicipality } from './notifications.errors';

/**
 * Whose notification settings and delivery log a caller may see and change: an admin every
 * municipality's (and the global ones, `null`); anyone else only the own municipality's.
 */
export function mayManage(principal: Principal, municipality: string | null): boolean {
  return principal.role === 'admin' || (municipality !== null && principal.municipality === municipality);
}

/** Throws unless the caller may manage `municipality`'s notifications. */
export function assertMayManage(principal: Principal, municipality: string): void {
  if (!mayManage(principal, municipality)) throw new NotYourMunicipality(municipality);
}
