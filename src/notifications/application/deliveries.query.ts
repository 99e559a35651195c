import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { type Delivery, DeliveryRepository, type DeliveryStatus } from '../infrastructure/delivery.repository';
import { type Attempt, AttemptRepository } from '../infrastructure/attempt.repository';
import { DataSource } from 'typeorm';
import { mayManage } from './notification-scope';
import { DeliveryNotFound } from './notifications.errors';

export interface DeliveryListQuery {
  municipality?: string;
  cooperation?: string;
  status?: DeliveryStatus;
  limit: number;
  cursor?: string;
}

/**
 * The delivery log: a municipality's deliveries (its e-mails and webhooks) for its own callers,
 * every delivery for admins; one delivery with every attempt; and redelivery of one, as a new
 * delivery that names the original (`redeliveryOf`) and carries the same event id.
 */
@Injectable()
export class DeliveriesQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly attempts: AttemptRepository,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, q: DeliveryListQuery): Promise<Page<Delivery>> {
    const municipality = principal.role === 'admin' ? q.municipality : (principal.municipality ?? '');
    const before = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
    const rows = await this.deliveries.list({
      municipality,
      cooperation: q.cooperation,
      status: q.status,
      before: before ? { createdAt: String(before[0]), id: String(before[1]) } : undefined,
      limit: q.limit,
    });
    return toPage(
      rows,
      q.limit,
      (d) => [d.createdAt.toISOString(), d.id],
      (d) => d,
    );
  }

  async get(principal: Principal, id: string): Promise<Delivery & { attemptLog: Attempt[] }> {
    const d = await this.visible(principal, id);
    return { ...d, attemptLog: await this.attempts.of(id) };
  }

  async redeliver(principal: Principal, id: string): Promise<Delivery> {
    const original = await this.visible(principal, id);
    const copy = { ...original, id: randomUUID(), redeliveryOf: original.id };
    await this.dataSource.transaction((tx) => this.deliveries.insert(tx, copy, nowOf(this.clock)));
    return (await this.deliveries.find(copy.id))!;
  }

  private async visible(principal: Principal, id: string): Promise<Delivery> {
    const d = await this.deliveries.find(id);
    if (!d || !mayManage(principal, d.municipality)) throw new DeliveryNotFound(id);
    return d;
  }
}
