import { Module } from '@nestjs/common';
import { NotificationAddressBook } from './application/notification-address-book';
import { PersonalDataStore } from './application/personal-data-store';
import { PersonalDataRepository } from './infrastructure/personal-data.repository';

/**
 * What the cooperations' command path needs of personal data: storing a contact's fields (and what
 * notifications need: municipalities' notification addresses, contacts' e-mail addresses). A module
 * of its own, without dependencies, so that cooperations can import it while the personal-data
 * feature (whose erasure rewrites the cooperations' copies) imports cooperations.
 */
@Module({
  providers: [PersonalDataRepository, PersonalDataStore, NotificationAddressBook],
  exports: [PersonalDataRepository, PersonalDataStore, NotificationAddressBook],
})
export class PersonalDataStoreModule {}
