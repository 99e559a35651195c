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

/** A record as far as the identity of its person goes: its fields (a tombstone once erased) and its id. */
export interface PersonRecord {
  id: string;
  fields: PersonFields | { erased: true };
}

/**
 * The records of the same person as `start` among `records` (one cooperation, one municipality;
 * docs/personal-data.md § "The same person"): those linked to it by the same token subject
 * (`subjectOf`, the appointment's `userSub`), the same e-mail address or the same name — directly
 * or through another record so linked. `start` comes first.
 */
export function samePerson<R extends PersonRecord>(
  start: R,
  records: readonly R[],
  subjectOf: (id: string) => string | undefined,
): R[] {
  const person = [start];
  const keys = new Set<string>();
  const keysOf = (r: R): string[] => {
    const fields = r.fields as Partial<PersonFields>;
    const subject = subjectOf(r.id);
    return [
      ...(subject !== undefined ? [`sub:${subject}`] : []),
      ...(fields.email ? [`email:${fields.email.toLowerCase()}`] : []),
      ...(fields.name ? [`name:${fields.name}`] : []),
    ];
  };
  keysOf(start).forEach((k) => keys.add(k));
  let rest = records.filter((r) => r.id !== start.id);
  for (let grown = true; grown;) {
    grown = false;
    for (const r of rest) {
      const own = keysOf(r);
      if (!own.some((k) => keys.has(k))) continue;
      person.push(r);
      own.forEach((k) => keys.add(k));
      grown = true;
    }
    rest = rest.filter((r) => !person.includes(r));
  }
  return person;
}
