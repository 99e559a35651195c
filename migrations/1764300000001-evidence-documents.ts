import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence documents (docs/api.md, "Evidence documents"): the uploaded file itself (bytea) with
 * its SHA-256, size and the media type sniffed from its content, who uploaded it and when. Rows are
 * never changed: a history entry that references a document commits to its hash, so the content
 * must stay what was hashed. Deleting a cooperation's documents is not offered.
 */
export class EvidenceDocuments1764300000001 implements MigrationInterface {
  name = 'EvidenceDocuments1764300000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cooperation_documents (
        id uuid PRIMARY KEY,
        cooperation_id uuid NOT NULL REFERENCES cooperations (id),
        kind text NOT NULL,
        description text,
        file_name text,
        media_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by jsonb NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX cooperation_documents_by_cooperation ON cooperation_documents (cooperation_id, uploaded_at, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cooperation_documents`);
  }
}
