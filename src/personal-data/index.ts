/* What other contexts may use of personal data (the cooperations' command path stores contacts). */
export { PersonalDataStore } from './application/personal-data-store';
export type { PersonReference } from './domain/personal-data';
export { PersonalDataStoreModule } from './personal-data-store.module';
