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

/** All SQL of `cooperation_documents` and `cooperation_document_chunks`: evidence metadata, content in chunks. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the content chunk by chunk, each in its own short statement (the embedded database's one
   * connection serves other requests in between), then the row, which makes the document exist.
   * A failure removes the chunks written so far; a crash leaves them to `removeAbandonedChunks`.
   */
  async insert(document: EvidenceDocument, content: AsyncIterable<Buffer>): Promise<void> {
    try {
      let seq = 0;
      for await (const chunk of content) {
        await this.dataSource.query(
          `INSERT INTO cooperation_document_chunks (document_id, seq, content) VALUES ($1, $2, $3)`,
          [document.id, seq++, chunk],
        );
      }
      await this.dataSource.query(
        `INSERT INTO cooperation_documents (${METADATA}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
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
        ],
      );
    } catch (error) {
      await this.dataSource
        .query(`DELETE FROM cooperation_document_chunks WHERE document_id = $1`, [document.id])
        .catch(() => undefined);
      throw error;
    }
  }

  /** Chunks of uploads that never got their row (the server died mid-upload), once surely abandoned. */
  async removeAbandonedChunks(olderThanHours: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM cooperation_document_chunks c
        WHERE c.written_at < now() - make_interval(hours => $1)
          AND NOT EXISTS (SELECT 1 FROM cooperation_documents d WHERE d.id = c.document_id)`,
      [olderThanHours],
    );
    return count;
  }

  /** How many documents the cooperation has, and how many `sub` uploaded since `since` (limits). */
  async counts(cooperationId: string, sub: string, since: Date): Promise<{ ofCooperation: number; byCaller: number }> {
    const [row] = await this.dataSource.query<Array<{ of_cooperation: number; by_caller: number }>>(
      `SELECT (SELECT count(*)::int FROM cooperation_documents WHERE cooperation_id = $1) AS of_cooperation,
              (SELECT count(*)::int FROM cooperation_documents
                WHERE uploaded_by->>'sub' = $2 AND uploaded_at >= $3) AS by_caller`,
      [cooperationId, sub, since],
    );
    return { ofCooperation: row.of_cooperation, byCaller: row.by_caller };
  }

  /** A cooperation's documents in upload order, without their content. */
  async list(cooperationId: string): Promise<EvidenceDocument[]> {
    const rows = await this.dataSource.query<DocumentRow[]>(
      `SELECT ${METADATA} FROM cooperation_documents WHERE cooperation_id = $1 ORDER BY uploaded_at, id`,
      [cooperationId],
    );
    return rows.map(toDocument);
  }

  async find(cooperationId: string, documentId: string): Promise<EvidenceDocument | null> {
    const [row] = await this.dataSource.query<DocumentRow[]>(
      `SELECT ${METADATA} FROM cooperation_documents WHERE cooperation_id = $1 AND id = $2`,
      [cooperationId, documentId],
    );
    return row ? toDocument(row) : null;
  }

  /** A document's content, one chunk per statement, so that a download holds no connection for long. */
  async *content(documentId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const [chunk] = await this.dataSource.query<Array<{ content: Buffer }>>(
        `SELECT content FROM cooperation_document_chunks WHERE document_id = $1 AND seq = $2`,
        [documentId, seq],
      );
      if (!chunk) return;
      yield Buffer.from(chunk.content);
    }
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
