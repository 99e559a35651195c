import { createHash, randomUUID } from 'node:crypto';

/** A plain query function: a DataSource's `query`, or a pg Client's wrapped to return its rows. */
export type RowQuery = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

/** What the server writes per chunk (`cooperation_document_chunks`, migration 1764612000001). */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Stores a document by SQL as the server lays it out (metadata row, content in chunks), for tests
 * that need volume without the upload path. Returns its id and SHA-256.
 */
export async function storeDocument(
  query: RowQuery,
  cooperationId: string,
  content: Buffer,
  fileName: string | null = null,
): Promise<{ id: string; sha256: string }> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(content).digest('hex');
  for (let seq = 0; seq * CHUNK_BYTES < Math.max(content.length, 1); seq++) {
    await query(`INSERT INTO cooperation_document_chunks (document_id, seq, content) VALUES ($1, $2, $3)`, [
      id,
      seq,
      content.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES),
    ]);
  }
  await query(
    `INSERT INTO cooperation_documents (id, cooperation_id, kind, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
     VALUES ($1, $2, 'other', $3, 'application/pdf', $4, $5, $6, now())`,
    [id, cooperationId, fileName, content.length, sha256, JSON.stringify({ sub: 'coord-heek', role: 'coordinator' })],
  );
  return { id, sha256 };
}

/** Every document's SHA-256 recomputed from its stored chunks, beside the one its row records. */
export const storedDocumentHashes = (query: RowQuery) =>
  query<{ id: string; sha256: string; stored: string }>(
    `SELECT d.id, encode(sha256(coalesce(string_agg(c.content, ''::bytea ORDER BY c.seq), ''::bytea)), 'hex') AS sha256,
            d.sha256 AS stored
       FROM cooperation_documents d LEFT JOIN cooperation_document_chunks c ON c.document_id = d.id
      GROUP BY d.id, d.sha256`,
  );
