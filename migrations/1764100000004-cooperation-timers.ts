import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable timers of the operation phase (docs/operation-phase.md, "Durable timers"): one row per
 * deadline a cooperation's state expects, written and deleted in the same transaction as the
 * transition that schedules or cancels it. The scheduler claims due rows with
 * `FOR UPDATE SKIP LOCKED` (index on due_at) and deletes each in the transaction that applies its
 * event, which makes every timer fire exactly once.
 */
export class CooperationTimers1764100000004 implements MigrationInterface {
  name = 'CooperationTimers1764100000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cooperation_timers (
        cooperation_id uuid NOT NULL REFERENCES cooperations (id),
        key text NOT NULL,
        due_at timestamptz NOT NULL,
        event jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cooperation_id, key)
      )`);
    await db.query(`CREATE INDEX cooperation_timers_due ON cooperation_timers (due_at, cooperation_id, key)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cooperation_timers`);
  }
}
