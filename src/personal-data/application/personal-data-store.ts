import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type PersonFields, type PersonReference, personHash } from '../domain/personal-data';
import { PersonalDataRepository } from '../infrastructure/personal-data.repository';

/** Keeps people's fields out of the chain: the command path stores them here and records the reference. */
@Injectable()
export class PersonalDataStore {
  constructor(private readonly records: PersonalDataRepository) {}

  /** Stores a contact's fields with a fresh salt, in the command's transaction; returns the entry's reference. */
  async storeContact(
    tx: EntityManager,
    cooperationId: string,
    municipality: string | null,
    fields: PersonFields,
    at: Date,
  ): Promise<PersonReference> {
    const id = randomUUID();
    const salt = randomBytes(32).toString('hex');
    const clean: PersonFields = { name: fields.name, ...(fields.email !== undefined ? { email: fields.email } : {}) };
    await this.records.insertContact(tx, { id, cooperationId, municipality, fields: clean, salt }, at);
    return { personRef: id, personHash: personHash(salt, clean) };
  }

  /** Contacts' fields by `personRef`, for those not erased: what the public register names. */
  contactFields(personRefs: readonly string[]): Promise<Map<string, PersonFields>> {
    return this.records.contactFields(personRefs);
  }
}
