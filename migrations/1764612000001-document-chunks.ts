import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence content moves out of the metadata row into chunks of at most 1 MiB (the server writes
 * 256 KiB). The embedded database has one connection: a 20 MiB bytea in one statement held it for
 * ~1.5 s and other municipalities' requests timed out. Each chunk is its own short statement, so
 * other requests are served between them; the metadata row, written last, is what makes a document
 * exist. Chunks are as immutable as the row (a history entry commits to the content's hash).
 * There is no foreign key: chunks are written before their row. `written_at` lets the server remove
 * the chunks of an upload that died before its row was written (at startup, after an hour).
 */
export class DocumentChunks1764612000001 implements MigrationInterface {
  name = 'DocumentChunks1764612000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cooperation_document_chunks (
        document_id uuid NOT NULL,
        seq integer NOT NULL CHECK (seq >= 0),
        content bytea NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, seq)
      )`);
    await db.query(`
      INSERT INTO cooperation_document_chunks (document_id, seq, content)
      SELECT d.id, n, substring(d.content FROM n * 1048576 + 1 FOR 1048576)
        FROM cooperation_documents d,
             generate_series(0, greatest(0, (octet_length(d.content) - 1) / 1048576)) AS n`);
    await db.query(`ALTER TABLE cooperation_documents DROP COLUMN content`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cooperation_documents ADD COLUMN content bytea`);
    await db.query(`
      UPDATE cooperation_documents d SET content = coalesce(
        (SELECT string_agg(c.content, ''::bytea ORDER BY c.seq) FROM cooperation_document_chunks c WHERE c.document_id = d.id),
        ''::bytea)`);
    await db.query(`ALTER TABLE cooperation_documents ALTER COLUMN content SET NOT NULL`);
    await db.query(`DROP TABLE cooperation_document_chunks`);
  }
}
