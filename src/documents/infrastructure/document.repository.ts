import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DocumentReference, EvidenceDocument } from '../domain/document';

interface DocumentRow {
  id: string;
  cooperation_id: string;
  kind: string;
  description: string | null;
  file_name: string | null;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: EvidenceDocument['uploadedBy'];
  uploaded_at: Date;
}

const METADATA = `id, cooperation_id, kind, description, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at`;

/** All SQL of `cooperation_documents`: evidence documents, content as bytea beside the metadata. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(document: EvidenceDocument, content: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO cooperation_documents (${METADATA}, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        document.id,
        document.cooperationId,
        document.kind,
        document.description,
        document.fileName,
        document.mediaType,
        document.sizeBytes,
        document.sha256,
        JSON.stringify(document.uploadedBy),
        document.uploadedAt,
        content,
      ],
    );
  }

  /** A cooperation's documents in upload order, without their content. */
  async list(cooperationId: string): Promise<EvidenceDocument[]> {
    const rows = await this.dataSource.query<DocumentRow[]>(
      `SELECT ${METADATA} FROM cooperation_documents WHERE cooperation_id = $1 ORDER BY uploaded_at, id`,
      [cooperationId],
    );
    return rows.map(toDocument);
  }

  async withContent(
    cooperationId: string,
    documentId: string,
  ): Promise<{ document: EvidenceDocument; content: Buffer } | null> {
    const [row] = await this.dataSource.query<Array<DocumentRow & { content: Buffer }>>(
      `SELECT ${METADATA}, content FROM cooperation_documents WHERE cooperation_id = $1 AND id = $2`,
      [cooperationId, documentId],
    );
    return row ? { document: toDocument(row), content: Buffer.from(row.content) } : null;
  }

  /** The references of those of `ids` that are documents of the cooperation, in the caller's transaction. */
  async references(tx: EntityManager, cooperationId: string, ids: readonly string[]): Promise<DocumentReference[]> {
    return tx.query<DocumentReference[]>(
      `SELECT id::text AS id, sha256 FROM cooperation_documents WHERE cooperation_id = $1 AND id = ANY($2::uuid[])`,
      [cooperationId, ids],
    );
  }
}

function toDocument(row: DocumentRow): EvidenceDocument {
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
