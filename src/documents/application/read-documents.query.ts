import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { VisibilityPolicy } from '../../cooperations';
import type { EvidenceDocument } from '../domain/document';
import { DocumentRepository } from '../infrastructure/document.repository';
import { DocumentNotFound } from './documents.errors';

/** A visible cooperation's documents: the list (metadata), and one document with its content. */
@Injectable()
export class ReadDocumentsQuery {
  constructor(
    private readonly visibility: VisibilityPolicy,
    private readonly documents: DocumentRepository,
  ) {}

  async list(cooperationId: string, principal: Principal): Promise<EvidenceDocument[]> {
    await this.visibility.assertVisible(cooperationId, principal);
    return this.documents.list(cooperationId);
  }

  async download(
    cooperationId: string,
    documentId: string,
    principal: Principal,
  ): Promise<{ document: EvidenceDocument; content: AsyncIterable<Buffer> }> {
    await this.visibility.assertVisible(cooperationId, principal);
    const document = await this.documents.find(cooperationId, documentId);
    if (!document) throw new DocumentNotFound(documentId);
    return { document, content: this.documents.content(documentId) };
  }
}
