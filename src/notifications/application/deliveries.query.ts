import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { type Delivery, DeliveryRepository, type DeliveryStatus } from '../infrastructure/delivery.repository';
import { type Attempt, AttemptRepository } from '../infrastructure/attempt.repository';
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
 * every delivery for admins; one delivery with every attempt.
 */
@Injectable()
export class DeliveriesQuery {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly attempts: AttemptRepository,
  ) {}

  async list(principal: Principal, q: DeliveryListQuery): Promise<Page<Delivery>> {
    const municipality = principal.role === 'admin' ? q.municipality : (principal.municipality ?? '');
    const before = q.cursor ? decodeCursor(q.cursor, ['instant', 'uuid']) : undefined;
    const rows = await this.deliveries.list({
      municipality,
      cooperation: q.cooperation,
      status: q.status,
      before: before ? { createdAt: before[0], id: before[1] } : undefined,
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

  /** A delivery the caller may see (its municipality's; admins: any), else DeliveryNotFound. */
  async visible(principal: Principal, id: string): Promise<Delivery> {
    const d = await this.deliveries.find(id);
    if (!d || !mayManage(principal, d.municipality)) throw new DeliveryNotFound(id);
    return d;
  }
}
