/* What other contexts may use of personal data (the cooperations' command path stores contacts). */
export { NotificationAddressBook } from './application/notification-address-book';
export { PersonalDataStore } from './application/personal-data-store';
export type { NotificationAddressRecord } from './infrastructure/personal-data.repository';
export type { NotificationAddressFields } from './domain/personal-data';
export type { PersonFields, PersonReference } from './domain/personal-data';
export { PersonalDataStoreModule } from './personal-data-store.module';
