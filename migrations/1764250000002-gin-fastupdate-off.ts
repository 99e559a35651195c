import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GIN indexes without a pending list (docs/performance.md, "Why the embedded queue is still …"):
 * with fastupdate new entries wait in a list that every search scans until a vacuum merges it, and
 * the embedded default (PGlite) runs no autovacuum. Entries now go straight into the index; the
 * lists filled so far are merged once here.
 */
export class GinFastupdateOff1764250000002 implements MigrationInterface {
  name = 'GinFastupdateOff1764250000002';

  async up(db: QueryRunner): Promise<void> {
    for (const index of ['cooperations_escalation_cases', 'cooperations_members']) {
      await db.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
      await db.query(`SELECT gin_clean_pending_list('${index}'::regclass)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of ['cooperations_escalation_cases', 'cooperations_members'])
      await db.query(`ALTER INDEX ${index} RESET (fastupdate)`);
  }
}
