import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chain head on the cooperation row (docs/performance.md, "four round trips"): a command reads
 * it with its row lock instead of asking the history for its last entry, and writes the next one
 * in the statement that writes the snapshot. Backfilled from the history; the head's sequence is
 * the row's `version`.
 */
export class CooperationHeadHash1764750000001 implements MigrationInterface {
  name = 'CooperationHeadHash1764750000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cooperations ADD COLUMN head_hash char(64)`);
    await db.query(
      `UPDATE cooperations c SET head_hash = h.hash FROM cooperation_history h
        WHERE h.cooperation_id = c.id AND h.sequence = c.version`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cooperations DROP COLUMN head_hash`);
  }
}
