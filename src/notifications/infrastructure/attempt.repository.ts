import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** One attempt of a delivery, as recorded. */
export interface Attempt {
  attempt: number;
  at: Date;
  ok: boolean;
  detail: string | null;
}

/** All SQL of `notification_attempts`: every attempt of every delivery. */
@Injectable()
export class AttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent by (delivery, attempt): a record written twice (a retried transaction) counts once. */
  async insert(tx: EntityManager, deliveryId: string, a: Attempt): Promise<void> {
    await tx.query(
      `INSERT INTO notification_attempts (delivery_id, attempt, at, ok, detail) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (delivery_id, attempt) DO NOTHING`,
      [deliveryId, a.attempt, a.at, a.ok, a.detail],
    );
  }

  async of(deliveryId: string): Promise<Attempt[]> {
    const rows = await this.dataSource.query<Array<{ attempt: number; at: Date; ok: boolean; detail: string | null }>>(
      `SELECT attempt, at, ok, detail FROM notification_attempts WHERE delivery_id = $1 ORDER BY attempt`,
      [deliveryId],
    );
    return rows.map((r) => ({ attempt: r.attempt, at: new Date(r.at), ok: r.ok, detail: r.detail }));
  }
}
