import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the limits of docs/limits.md and the retention of stored answers: a caller's
 * cooperations and documents of the last 24 hours are counted on every opening and upload, and
 * the hourly cleanup finds expired idempotent answers by age.
 */
export class GrowthLimitIndexes1764612000002 implements MigrationInterface {
  name = 'GrowthLimitIndexes1764612000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX cooperations_opened_by ON cooperations ((state #>> '{context,createdBy,sub}'), created_at)`,
    );
    await db.query(
      `CREATE INDEX cooperation_documents_uploaded_by ON cooperation_documents ((uploaded_by->>'sub'), uploaded_at)`,
    );
    await db.query(`CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idempotency_keys_created`);
    await db.query(`DROP INDEX cooperation_documents_uploaded_by`);
    await db.query(`DROP INDEX cooperations_opened_by`);
  }
}
