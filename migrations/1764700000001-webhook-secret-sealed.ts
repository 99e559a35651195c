import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets are stored sealed (AES-256-GCM under NOTIFICATIONS_SECRET_KEY). The column is
 * renamed so no reader takes a sealed value for a secret; the rows still in the clear (`whsec_…`)
 * are sealed by the server at startup (SubscriptionRepository), because the key is configuration
 * the database does not know.
 */
export class WebhookSecretSealed1764700000001 implements MigrationInterface {
  name = 'WebhookSecretSealed1764700000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_subscriptions RENAME COLUMN secret TO secret_sealed`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_subscriptions RENAME COLUMN secret_sealed TO secret`);
  }
}
