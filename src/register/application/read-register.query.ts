import { Injectable } from '@nestjs/common';
import { PersonalDataStore } from '../../personal-data';
import type { RegisterEntry } from '../domain/projections';
import { RegisterEntryRepository, type RegisterFilter } from '../infrastructure/register-entry.repository';

export interface PublicContact {
  municipality: string;
  position: string;
  name: string;
  email: string | null;
}

export type PublicRegisterEntry = Omit<RegisterEntry, 'contacts'> & { contacts: PublicContact[] };

/**
 * The public project register [P4], readable without sign-in. A contact is named only where the
 * person consented and their personal data record is not erased: the names are read here, at
 * request time, so an erasure or a revocation is effective with the next request.
 */
@Injectable()
export class ReadRegisterQuery {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly personalData: PersonalDataStore,
  ) {}

  async list(filter: RegisterFilter): Promise<PublicRegisterEntry[]> {
    const entries = await this.entries.list(filter);
    const fields = await this.personalData.contactFields(entries.flatMap((e) => e.contacts.map((c) => c.personRef)));
    return entries.map(({ contacts, ...entry }) => ({
      ...entry,
      contacts: contacts.flatMap(({ personRef, ...c }) => {
        const person = fields.get(personRef);
        return person ? [{ ...c, name: person.name, email: person.email ?? null }] : [];
      }),
    }));
  }
}
