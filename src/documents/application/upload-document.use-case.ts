import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { InvalidInput } from '../../common/errors';
import { VisibilityPolicy } from '../../cooperations';
import type { EvidenceDocument } from '../domain/document';
import { sniffMediaType } from '../domain/sniff';
import { DocumentRepository } from '../infrastructure/document.repository';
import { chunksOf, type SpooledContent } from '../infrastructure/upload-spool';
import { UnsupportedDocumentType } from './documents.errors';

export interface UploadedFile {
  originalName?: string;
  /** Received in full, hashed and sampled; not yet in the database. */
  content: SpooledContent;
}

export interface UploadFields {
  kind?: string;
  description?: string;
}

/** Stores an evidence document of a cooperation the caller takes part in; its type is sniffed from the content. */
@Injectable()
export class UploadDocumentUseCase {
  constructor(
    private readonly visibility: VisibilityPolicy,
    private readonly documents: DocumentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    cooperationId: string,
    file: UploadedFile | undefined,
    fields: UploadFields,
    principal: Principal,
  ): Promise<EvidenceDocument> {
    await this.visibility.assertVisible(cooperationId, principal);
    if (!file) {
      throw new InvalidInput([
        { path: 'file', messages: ['send the document as the multipart/form-data part "file"'] },
      ]);
    }
    const mediaType = sniffMediaType(file.content.sample);
    if (!mediaType) throw new UnsupportedDocumentType();
    const document: EvidenceDocument = {
      id: randomUUID(),
      cooperationId,
      kind: fields.kind ?? 'other',
      description: fields.description ?? null,
      fileName: file.originalName ? file.originalName.slice(0, 255) : null,
      mediaType,
      sizeBytes: file.content.sizeBytes,
      sha256: file.content.sha256,
      uploadedBy: { sub: principal.sub, role: principal.role, municipality: principal.municipality ?? null },
      uploadedAt: nowOf(this.clock).toISOString(),
    };
    await this.documents.insert(document, chunksOf(file.content.path));
    return document;
  }
}
