import { Module } from '@nestjs/common';
import { PersonalDataStore } from './application/personal-data-store';
import { PersonalDataRepository } from './infrastructure/personal-data.repository';

/**
 * What the cooperations' command path needs of personal data: storing a contact's fields. A module
 * of its own, without dependencies, so that cooperations can import it while the personal-data
 * feature (whose erasure rewrites the cooperations' copies) imports cooperations.
 */
@Module({
  providers: [PersonalDataRepository, PersonalDataStore],
  exports: [PersonalDataRepository, PersonalDataStore],
})
export class PersonalDataStoreModule {}
