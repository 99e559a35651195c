import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { WriteFragment } from '../../database/prepared';
import { type PersonFields, type PersonReference, personHash } from '../domain/personal-data';
import { PersonalDataRepository } from '../infrastructure/personal-data.repository';

/** Keeps people's fields out of the chain: the command path stores them here and records the reference. */
@Injectable()
export class PersonalDataStore {
  constructor(private readonly records: PersonalDataRepository) {}

  /**
   * A contact's fields with a fresh salt: the entry's reference, and its record as a fragment of
   * the command's write (it commits with the history entry that holds the reference, or not at all).
   */
  contactRecord(
    cooperationId: string,
    municipality: string | null,
    fields: PersonFields,
    at: Date,
  ): { reference: PersonReference; write: WriteFragment } {
    const id = randomUUID();
    const salt = randomBytes(32).toString('hex');
    const clean: PersonFields = { name: fields.name, ...(fields.email !== undefined ? { email: fields.email } : {}) };
    const record = { id, cooperationId, municipality, fields: clean, salt };
    return {
      reference: { personRef: id, personHash: personHash(salt, clean) },
      write: (bind) => PersonalDataRepository.insertContactSql(record, at, bind),
    };
  }

  /** Contacts' fields by `personRef`, for those not erased: what the public register names. */
  contactFields(personRefs: readonly string[]): Promise<Map<string, PersonFields>> {
    return this.records.contactFields(personRefs);
  }
}
