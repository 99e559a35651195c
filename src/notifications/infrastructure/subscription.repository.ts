import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A webhook subscription: a municipality's, or global (null, the admins'). */
export interface Subscription {
  id: string;
  municipality: string | null;
  url: string;
  secret: string;
  createdBy: { sub: string; role: string };
  createdAt: Date;
}

interface SubscriptionRow {
  id: string;
  municipality: string | null;
  url: string;
  secret: string;
  created_by: { sub: string; role: string };
  created_at: Date;
}

const COLUMNS = `id, municipality, url, secret, created_by, created_at`;

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  municipality: r.municipality,
  url: r.url,
  secret: r.secret,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

/** All SQL of `webhook_subscriptions`. Deleted subscriptions stay (the delivery log names them). */
@Injectable()
export class SubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(s: Subscription): Promise<void> {
    await this.dataSource.query(`INSERT INTO webhook_subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
      s.id,
      s.municipality,
      s.url,
      s.secret,
      JSON.stringify(s.createdBy),
      s.createdAt,
    ]);
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

  /** Active or deleted (a delivery to a deleted subscription is not sent). */
  async find(id: string): Promise<(Subscription & { deleted: boolean }) | null> {
    const [row] = await this.dataSource.query<Array<SubscriptionRow & { deleted_at: Date | null }>>(
      `SELECT ${COLUMNS}, deleted_at FROM webhook_subscriptions WHERE id = $1`,
      [id],
    );
    return row ? { ...toSubscription(row), deleted: row.deleted_at !== null } : null;
  }

  async markDeleted(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_subscriptions SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL`,
      [id, at],
    );
  }
}
