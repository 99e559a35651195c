/* What other contexts may use of documents (the cooperations' command path resolves references). */
export { DocumentReferences } from './application/document-references';
export { DocumentStoreModule } from './document-store.module';
export type { DocumentReference } from './domain/document';
