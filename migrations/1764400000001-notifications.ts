import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (docs/notifications.md). `notification_outbox` is written in the transaction of the
 * history entry it tells about (or of the reminder it fires): one row per event, its CloudEvent and
 * who is to be told. The dispatcher expands it into `notification_deliveries` (one per e-mail
 * address, webhook subscription or broker), each attempt in `notification_attempts`.
 * `notification_reminders` are the lead-time reminders the cooperations' timers imply; the
 * reminder scheduler fires each once. Municipalities' notification addresses are personal data:
 * `personal_data` rows of subject kind `notification-address`, not tied to a cooperation.
 */
export class Notifications1764400000001 implements MigrationInterface {
  name = 'Notifications1764400000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY,
        cooperation_id uuid NOT NULL REFERENCES cooperations (id),
        kind text NOT NULL CHECK (kind IN ('transition', 'reminder')),
        event jsonb NOT NULL,
        notices jsonb NOT NULL,
        members text[] NOT NULL,
        created_at timestamptz NOT NULL,
        expanded_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX notification_outbox_pending ON notification_outbox (created_at) WHERE expanded_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        municipality text,
        url text NOT NULL,
        secret text NOT NULL,
        created_by jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES notification_outbox (id),
        cooperation_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook', 'nats')),
        target text NOT NULL,
        municipality text,
        role text,
        message jsonb,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        redelivery_of uuid REFERENCES notification_deliveries (id),
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at, id) WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE INDEX notification_deliveries_by_municipality ON notification_deliveries (municipality, created_at, id)`,
    );
    await db.query(`CREATE INDEX notification_deliveries_by_event ON notification_deliveries (event_id)`);
    await db.query(`
      CREATE TABLE notification_attempts (
        delivery_id uuid NOT NULL REFERENCES notification_deliveries (id),
        attempt int NOT NULL,
        at timestamptz NOT NULL,
        ok boolean NOT NULL,
        detail text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
    await db.query(`
      CREATE TABLE notification_reminders (
        cooperation_id uuid NOT NULL REFERENCES cooperations (id),
        timer_key text NOT NULL,
        timer_due_at timestamptz NOT NULL,
        lead_days int NOT NULL,
        remind_at timestamptz NOT NULL,
        notice jsonb NOT NULL,
        sent_at timestamptz,
        PRIMARY KEY (cooperation_id, timer_key, timer_due_at, lead_days)
      )`);
    await db.query(
      `CREATE INDEX notification_reminders_due ON notification_reminders (remind_at) WHERE sent_at IS NULL`,
    );
    // A municipality's notification address is personal data without a cooperation.
    await db.query(`ALTER TABLE personal_data DROP CONSTRAINT personal_data_subject_kind_check`);
    await db.query(`ALTER TABLE personal_data ALTER COLUMN cooperation_id DROP NOT NULL`);
    await db.query(`
      ALTER TABLE personal_data ADD CONSTRAINT personal_data_subject_kind_check CHECK (
        (subject_kind = 'contact' AND cooperation_id IS NOT NULL)
        OR (subject_kind = 'notification-address' AND cooperation_id IS NULL AND municipality IS NOT NULL))`);
    await db.query(
      `CREATE INDEX personal_data_notification_addresses ON personal_data (municipality) WHERE subject_kind = 'notification-address'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM personal_data WHERE subject_kind = 'notification-address'`);
    await db.query(`DROP INDEX personal_data_notification_addresses`);
    await db.query(`ALTER TABLE personal_data DROP CONSTRAINT personal_data_subject_kind_check`);
    await db.query(`ALTER TABLE personal_data ALTER COLUMN cooperation_id SET NOT NULL`);
    await db.query(
      `ALTER TABLE personal_data ADD CONSTRAINT personal_data_subject_kind_check CHECK (subject_kind IN ('contact'))`,
    );
    await db.query(`DROP TABLE notification_reminders`);
    await db.query(`DROP TABLE notification_attempts`);
    await db.query(`DROP TABLE notification_deliveries`);
    await db.query(`DROP TABLE webhook_subscriptions`);
    await db.query(`DROP TABLE notification_outbox`);
  }
}
