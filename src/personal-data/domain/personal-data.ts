import { createHash } from 'node:crypto';
import { canonicalize } from '../../history/domain/hash-chain';

/*
 * Personal data outside the hash chain (docs/personal-data.md). The history commits to a person's
 * fields through a salted hash only; the fields and the salt live in `personal_data`, where an
 * erasure can destroy them without touching the chain.
 */

/** The personal fields of a contact person. */
export interface PersonFields {
  name: string;
  email?: string;
}

/** A municipality's address for notifications to one of its roles (docs/notifications.md). */
export interface NotificationAddressFields {
  email: string;
  role: 'coordinator' | 'steering-board';
  name?: string;
}

/** What a history entry holds in place of the personal fields. */
export interface PersonReference {
  personRef: string;
  personHash: string;
}

/** What the personal fields read as once erased. */
export const ERASED_TEXT = '[gelöscht]';

/** SHA-256 over the salt's bytes followed by the canonical JSON of the fields (UTF-8), hex. */
export function personHash(saltHex: string, fields: PersonFields): string {
  return createHash('sha256').update(Buffer.from(saltHex, 'hex')).update(canonicalize(fields), 'utf8').digest('hex');
}

/** A copy of `value` with every string equal to one of `secrets` replaced by `replacement`. */
export function scrub<T>(value: T, secrets: ReadonlySet<string>, replacement = ERASED_TEXT): T {
  if (typeof value === 'string') return (secrets.has(value) ? replacement : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrub(v, secrets, replacement)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, replacement)])) as T;
  }
  return value;
}
