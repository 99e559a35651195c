import { Injectable } from '@nestjs/common';
import { PersonalDataRepository } from '../infrastructure/personal-data.repository';
import { PersonalDataNotFound } from './personal-data.errors';
import { type PersonalDataView, viewOf } from './personal-data-view';

/** A personal data record (a `personRef` of the history): its fields, or the erasure record. */
@Injectable()
export class GetPersonalDataQuery {
  constructor(private readonly records: PersonalDataRepository) {}

  async execute(id: string): Promise<PersonalDataView> {
    const found = await this.records.find(id);
    if (!found) throw new PersonalDataNotFound(id);
    return viewOf(found);
  }
}
