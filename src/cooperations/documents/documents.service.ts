import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { ProblemException, validationProblem } from '../../common/problem';
import { Clock } from '../clock';
import { assertVisible } from '../cooperations.service';
import type { DocumentDto, UploadDocumentFields } from './document.dto';
import { sniffMediaType } from './sniff';

/** The part of multer's file object the upload uses (memory storage). */
export interface UploadedDocumentFile {
  originalname?: string;
  buffer: Buffer;
  size: number;
}

interface DocumentRow {
  id: string;
  cooperation_id: string;
  kind: string;
  description: string | null;
  file_name: string | null;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: DocumentDto['uploadedBy'];
  uploaded_at: Date;
}

const METADATA = `id, cooperation_id, kind, description, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at`;

@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async upload(
    cooperationId: string,
    file: UploadedDocumentFile | undefined,
    fields: UploadDocumentFields,
    principal: Principal,
  ): Promise<DocumentDto> {
    await assertVisible(this.dataSource, cooperationId, principal);
    if (!file)
      throw validationProblem([
        { path: 'file', messages: ['send the document as the multipart/form-data part "file"'] },
      ]);
    const mediaType = sniffMediaType(file.buffer);
    if (!mediaType)
      throw new ProblemException(
        415,
        'unsupported-media-type',
        'Unsupported Media Type',
        'Only PDF, ODT, DOCX, PNG and JPEG documents are accepted; the content of this file is none of them.',
      );
    const row: DocumentRow = {
      id: randomUUID(),
      cooperation_id: cooperationId,
      kind: fields.kind ?? 'other',
      description: fields.description ?? null,
      file_name: file.originalname ? file.originalname.slice(0, 255) : null,
      media_type: mediaType,
      size_bytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      uploaded_by: { sub: principal.sub, role: principal.role, municipality: principal.municipality ?? null },
      uploaded_at: new Date(this.clock.now().getTime()),
    };
    await this.dataSource.query(
      `INSERT INTO cooperation_documents (${METADATA}, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        row.id,
        row.cooperation_id,
        row.kind,
        row.description,
        row.file_name,
        row.media_type,
        row.size_bytes,
        row.sha256,
        JSON.stringify(row.uploaded_by),
        row.uploaded_at,
        file.buffer,
      ],
    );
    return toDto(row);
  }

  async list(cooperationId: string, principal: Principal): Promise<DocumentDto[]> {
    await assertVisible(this.dataSource, cooperationId, principal);
    const rows = await this.dataSource.query<DocumentRow[]>(
      `SELECT ${METADATA} FROM cooperation_documents WHERE cooperation_id = $1 ORDER BY uploaded_at, id`,
      [cooperationId],
    );
    return rows.map(toDto);
  }

  async download(
    cooperationId: string,
    documentId: string,
    principal: Principal,
  ): Promise<{ document: DocumentDto; content: Buffer }> {
    await assertVisible(this.dataSource, cooperationId, principal);
    const [row] = await this.dataSource.query<Array<DocumentRow & { content: Buffer }>>(
      `SELECT ${METADATA}, content FROM cooperation_documents WHERE cooperation_id = $1 AND id = $2`,
      [cooperationId, documentId],
    );
    if (!row)
      throw new ProblemException(404, 'not-found', 'Not Found', `No document ${documentId} in this cooperation.`);
    return { document: toDto(row), content: Buffer.from(row.content) };
  }
}

function toDto(row: DocumentRow): DocumentDto {
  return {
    id: row.id,
    cooperationId: row.cooperation_id,
    kind: row.kind,
    description: row.description,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}
