import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue entry of each escalation case on its row (docs/performance.md, issue 18): the
 * steering-board queue then answers a page from `escalation_cases` alone instead of reading and
 * parsing the whole snapshot of every cooperation on it. The domain computes the entry, so rows
 * written before have none (NULL): the queue reads their snapshots, as it did, until a command
 * changes the case.
 */
export class EscalationCaseEntries1764870000001 implements MigrationInterface {
  name = 'EscalationCaseEntries1764870000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE escalation_cases ADD COLUMN entry jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE escalation_cases DROP COLUMN entry`);
  }
}
