import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auditors' side (docs/audit.md):
 *
 * - `cooperation_history_feed`: the global feed and its exports page by the key
 *   (recorded_at, cooperation_id, sequence); this index serves every page as a range scan.
 * - `audit_checkpoints`: signed checkpoints (every chain's head, one root hash, an Ed25519
 *   signature). Like the history they are evidence: a trigger refuses UPDATE, DELETE and TRUNCATE
 *   on PostgreSQL and on the embedded database alike. Only `ALTER TABLE … DISABLE TRIGGER` by the
 *   table's owner or a superuser gets past it — which is exactly what a signed checkpoint held
 *   outside the database exposes afterwards.
 */
export class Audit1764200000001 implements MigrationInterface {
  name = 'Audit1764200000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX cooperation_history_feed ON cooperation_history (recorded_at, cooperation_id, sequence)`,
    );
    await db.query(`
      CREATE TABLE audit_checkpoints (
        id uuid PRIMARY KEY,
        created_at timestamptz NOT NULL,
        cooperations integer NOT NULL CHECK (cooperations >= 0),
        entries bigint NOT NULL CHECK (entries >= 0),
        root_hash char(64) NOT NULL CHECK (root_hash ~ '^[0-9a-f]{64}$'),
        key_id char(64) NOT NULL,
        signature text NOT NULL,
        document jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX audit_checkpoints_created ON audit_checkpoints (created_at, id)`);
    await db.query(`
      CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit_checkpoints is append-only: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Checkpoints are signed evidence; create a new one instead.';
        END $$`);
    await db.query(`
      CREATE TRIGGER audit_checkpoints_append_only
        BEFORE UPDATE OR DELETE ON audit_checkpoints
        FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_checkpoints_no_truncate
        BEFORE TRUNCATE ON audit_checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_checkpoints`);
    await db.query(`DROP FUNCTION audit_checkpoints_append_only()`);
    await db.query(`DROP INDEX cooperation_history_feed`);
  }
}
