import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A timer whose firing fails (its event refused, or the firing throwing — a corrupt snapshot, a
 * stored answer in its key's way) is kept with its failure on the row: how often it failed, the
 * last error, and when it may be tried again. Every instance reads the backoff from here and a
 * restart keeps it; the scheduler skips the row until `retry_at` and fires the others meanwhile
 * (docs/operation-phase.md, "The scheduler contract").
 */
export class TimerFailures1764400000301 implements MigrationInterface {
  name = 'TimerFailures1764400000301';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cooperation_timers
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN last_error text,
        ADD COLUMN retry_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cooperation_timers DROP COLUMN attempts, DROP COLUMN last_error, DROP COLUMN retry_at`);
  }
}
