import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isLegacyPlain } from './secret-sealing';
import { WebhookSecretKey } from './webhook-secret-key';

/** A webhook subscription: a municipality's, or global (null, the admins'). Its secret only from `find`. */
export interface Subscription {
  id: string;
  municipality: string | null;
  url: string;
  createdBy: { sub: string; role: string };
  createdAt: Date;
}

interface SubscriptionRow {
  id: string;
  municipality: string | null;
  url: string;
  created_by: { sub: string; role: string };
  created_at: Date;
}

const COLUMNS = `id, municipality, url, created_by, created_at`;

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  municipality: r.municipality,
  url: r.url,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

/**
 * All SQL of `webhook_subscriptions`. Deleted subscriptions stay (the delivery log names them).
 * The secret is stored sealed (`secret_sealed`, AES-256-GCM, secret-sealing.ts) and opened only
 * for signing; rows from before the sealing are sealed at startup.
 */
@Injectable()
export class SubscriptionRepository implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretKey: WebhookSecretKey,
  ) {}

  /** Seals the secrets migration 1764700000001 found in the clear (the key is configuration, not SQL). */
  async onApplicationBootstrap(): Promise<void> {
    const rows = await this.dataSource.query<Array<{ id: string; secret_sealed: string }>>(
      `SELECT id, secret_sealed FROM webhook_subscriptions WHERE secret_sealed LIKE 'whsec\\_%'`,
    );
    for (const r of rows.filter((row) => isLegacyPlain(row.secret_sealed))) {
      await this.dataSource.query(
        `UPDATE webhook_subscriptions SET secret_sealed = $2 WHERE id = $1 AND secret_sealed = $3`,
        [r.id, this.secretKey.seal(r.secret_sealed, r.id), r.secret_sealed],
      );
    }
  }

  async insert(s: Subscription & { secret: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (${COLUMNS}, secret_sealed) VALUES ($1, $2, $3, $4, $5, $6)`,
      [s.id, s.municipality, s.url, JSON.stringify(s.createdBy), s.createdAt, this.secretKey.seal(s.secret, s.id)],
    );
  }

  /** Active subscriptions: of `municipality` when given (null: the global ones), every one when undefined. */
  async list(municipality?: string | null): Promise<Subscription[]> {
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM webhook_subscriptions
        WHERE deleted_at IS NULL AND ($1::boolean OR municipality IS NOT DISTINCT FROM $2)
        ORDER BY created_at, id`,
      [municipality === undefined, municipality ?? null],
    );
    return rows.map(toSubscription);
  }

  /** The active subscriptions an event of a cooperation with these members goes to: theirs and the global ones. */
  async activeFor(tx: EntityManager, members: string[]): Promise<Subscription[]> {
    const rows = await tx.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM webhook_subscriptions
        WHERE deleted_at IS NULL AND (municipality IS NULL OR municipality = ANY($1::text[]))
        ORDER BY created_at, id`,
      [members],
    );
    return rows.map(toSubscription);
  }

  /** Active or deleted (a delivery to a deleted subscription is not sent), with the opened secret to sign with. */
  async find(id: string): Promise<(Subscription & { secret: string; deleted: boolean }) | null> {
    const [row] = await this.dataSource.query<
      Array<SubscriptionRow & { secret_sealed: string; deleted_at: Date | null }>
    >(`SELECT ${COLUMNS}, secret_sealed, deleted_at FROM webhook_subscriptions WHERE id = $1`, [id]);
    if (!row) return null;
    return {
      ...toSubscription(row),
      secret: this.secretKey.unseal(row.secret_sealed, row.id),
      deleted: row.deleted_at !== null,
    };
  }

  async markDeleted(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_subscriptions SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL`,
      [id, at],
    );
  }
}
