import { Module } from '@nestjs/common';
import { DocumentReferences } from './application/document-references';
import { DocumentRepository } from './infrastructure/document.repository';

/**
 * What the cooperations' command path needs of documents: resolving the ones an event references.
 * A module of its own, without dependencies, so that cooperations can import it while the documents
 * feature (which checks visibility through cooperations) imports cooperations.
 */
@Module({
  providers: [DocumentRepository, DocumentReferences],
  exports: [DocumentRepository, DocumentReferences],
})
export class DocumentStoreModule {}
