/* What other contexts may use of the registry: looking a public body up by its key. */
export { MunicipalityFinder } from './application/municipality-finder';
export type { PublicBody } from './domain/public-body';
export { MunicipalitiesModule } from './municipalities.module';
