import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { Clock, dayBefore, nowOf } from '../../common/clock';
import { ConfigService } from '@nestjs/config';
import { InvalidInput, LimitExceeded } from '../../common/errors';
import { text } from '../../common/i18n';
import type { Environment } from '../../config/configuration';
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
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * Whether the caller may upload to the cooperation now: it is visible to them, and neither it nor
   * the caller has reached its limit of documents. Checked before the body is read, and again here.
   */
  async admit(cooperationId: string, principal: Principal): Promise<void> {
    await this.visibility.assertVisible(cooperationId, principal);
    const now = nowOf(this.clock);
    const counts = await this.documents.counts(cooperationId, principal.sub, dayBefore(now));
    const perCooperation = this.config.get('MAX_DOCUMENTS_PER_COOPERATION', { infer: true });
    if (counts.ofCooperation >= perCooperation) {
      throw new LimitExceeded('conflict', 'MAX_DOCUMENTS_PER_COOPERATION', perCooperation);
    }
    const perDay = this.config.get('MAX_DOCUMENTS_PER_CALLER_PER_DAY', { infer: true });
    if (counts.byCaller >= perDay) {
      throw new LimitExceeded('too-many', 'MAX_DOCUMENTS_PER_CALLER_PER_DAY', perDay);
    }
  }

  async execute(
    cooperationId: string,
    file: UploadedFile | undefined,
    fields: UploadFields,
    principal: Principal,
  ): Promise<EvidenceDocument> {
    await this.admit(cooperationId, principal);
    if (!file) {
      throw new InvalidInput([{ path: 'file', message: text('validation.fileMissing') }]);
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
