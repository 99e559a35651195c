import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RenderedMail } from '../domain/texts';

export type Channel = 'email' | 'webhook' | 'nats';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event to one target: an e-mail address (its personal data record), a webhook subscription, the broker. */
export interface Delivery {
  id: string;
  eventId: string;
  cooperationId: string;
  channel: Channel;
  /** Personal data record id (e-mail), subscription id (webhook) or subject (nats). */
  target: string;
  /** Whose delivery log shows it; null: the admins' only (global subscriptions, the broker). */
  municipality: string | null;
  role: string | null;
  message: RenderedMail | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  redeliveryOf: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export type NewDelivery = Pick<
  Delivery,
  'id' | 'eventId' | 'cooperationId' | 'channel' | 'target' | 'municipality' | 'role' | 'message' | 'redeliveryOf'
>;

export interface DeliveryFilter {
  municipality?: string;
  cooperation?: string;
  status?: DeliveryStatus;
  /** Keyset: deliveries created before this one (newest first). */
  before?: { createdAt: string; id: string };
  limit: number;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  cooperation_id: string;
  channel: Channel;
  target: string;
  municipality: string | null;
  role: string | null;
  message: RenderedMail | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const COLUMNS = `id, event_id, cooperation_id, channel, target, municipality, role, message, status, attempts,
  next_attempt_at, last_error, redelivery_of, created_at, delivered_at`;

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  eventId: r.event_id,
  cooperationId: r.cooperation_id,
  channel: r.channel,
  target: r.target,
  municipality: r.municipality,
  role: r.role,
  message: r.message,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: new Date(r.next_attempt_at),
  lastError: r.last_error,
  redeliveryOf: r.redelivery_of,
  createdAt: new Date(r.created_at),
  deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
});

/** All SQL of `notification_deliveries`. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent by id (an event expanded twice adds nothing). */
  async insert(tx: EntityManager, d: NewDelivery, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO notification_deliveries
         (id, event_id, cooperation_id, channel, target, municipality, role, message, status, next_attempt_at, redelivery_of, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $9) ON CONFLICT (id) DO NOTHING`,
      [
        d.id,
        d.eventId,
        d.cooperationId,
        d.channel,
        d.target,
        d.municipality,
        d.role,
        d.message ? JSON.stringify(d.message) : null,
        at,
        d.redeliveryOf,
      ],
    );
  }

  /**
   * Leases up to `limit` pending deliveries due at `now` for one attempt each: their attempt count
   * goes up and their next attempt moves to `leaseUntil`, in one statement under `FOR UPDATE SKIP
   * LOCKED`, so no other instance takes them while this one sends (outside any transaction). An
   * instance that dies while sending leaves them to be tried again when the lease ends.
   */
  async lease(now: Date, leaseUntil: Date, limit: number): Promise<Delivery[]> {
    const [rows] = await this.dataSource.query<[DeliveryRow[], number]>(
      `UPDATE notification_deliveries SET attempts = attempts + 1, next_attempt_at = $2
        WHERE id IN (SELECT id FROM notification_deliveries WHERE status = 'pending' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [now, leaseUntil, limit],
    );
    return rows
      .map(toDelivery)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** The outcome of the attempt: delivered, another try at `retryAt`, or parked as failed (`retryAt` null). */
  async settle(
    tx: EntityManager,
    id: string,
    outcome: { ok: true; at: Date } | { ok: false; error: string; retryAt: Date | null },
  ): Promise<void> {
    if (outcome.ok) {
      await tx.query(
        `UPDATE notification_deliveries SET status = 'delivered', delivered_at = $2, last_error = NULL WHERE id = $1`,
        [id, outcome.at],
      );
      return;
    }
    await tx.query(
      `UPDATE notification_deliveries
          SET status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
              next_attempt_at = COALESCE($3::timestamptz, next_attempt_at), last_error = $2
        WHERE id = $1`,
      [id, outcome.error, outcome.retryAt],
    );
  }

  async find(id: string): Promise<Delivery | null> {
    const [row] = await this.dataSource.query<DeliveryRow[]>(
      `SELECT ${COLUMNS} FROM notification_deliveries WHERE id = $1`,
      [id],
    );
    return row ? toDelivery(row) : null;
  }

  /** Newest first, `limit + 1` rows (the page helper trims). */
  async list(f: DeliveryFilter): Promise<Delivery[]> {
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `SELECT ${COLUMNS} FROM notification_deliveries
        WHERE ($1::text IS NULL OR municipality = $1) AND ($2::uuid IS NULL OR cooperation_id = $2)
          AND ($3::text IS NULL OR status = $3)
          AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $6`,
      [
        f.municipality ?? null,
        f.cooperation ?? null,
        f.status ?? null,
        f.before?.createdAt ?? null,
        f.before?.id ?? null,
        f.limit + 1,
      ],
    );
    return rows.map(toDelivery);
  }

  /** Counts by status and channel (for operators and the console). */
  async counts(): Promise<Array<{ channel: Channel; status: DeliveryStatus; n: number }>> {
    return this.dataSource.query(
      `SELECT channel, status, count(*)::int AS n FROM notification_deliveries GROUP BY channel, status ORDER BY 1, 2`,
    );
  }
}
