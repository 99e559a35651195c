import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue entry of each escalation case on its row (docs/performance.md, issue 18): the
 * steering-board queue then answers a page from `escalation_cases` alone instead of reading and
 * parsing the whole snapshot of every cooperation on it. The domain computes the entry, so rows
 * written before have none (NULL): the queue reads their snapshots, as it did, until a command
 * changes the case. And the open cases' deadline as a column of its own with its own index, so the
 * planner walks the queue in order and stops at the page's end (EXPLAIN in docs/performance.md).
 */
export class EscalationCaseEntries1764870000001 implements MigrationInterface {
  name = 'EscalationCaseEntries1764870000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE escalation_cases ADD COLUMN entry jsonb`);
    // The open queue's order without a status condition, whose selectivity a planner without
    // statistics (the embedded default has none) guesses at 0.5 % and then sorts every open case.
    await db.query(`
      ALTER TABLE escalation_cases ADD COLUMN open_deadline timestamptz
        GENERATED ALWAYS AS (CASE WHEN status = 'open' THEN deadline_at END) STORED`);
    await db.query(
      `CREATE INDEX escalation_cases_open ON escalation_cases (open_deadline, case_id) WHERE open_deadline IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX escalation_cases_open`);
    await db.query(`ALTER TABLE escalation_cases DROP COLUMN open_deadline`);
    await db.query(`ALTER TABLE escalation_cases DROP COLUMN entry`);
  }
}
