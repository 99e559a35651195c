import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { type Delivery, DeliveryRepository } from '../infrastructure/delivery.repository';
import { DeliveriesQuery } from './deliveries.query';

/**
 * Delivers one delivery again, as a new delivery that names the original (`redeliveryOf`) and
 * carries the same event id — the receiver's `webhook-id`, the broker's message id — so that the
 * receiver recognises it.
 */
@Injectable()
export class RedeliverUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly query: DeliveriesQuery,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, id: string): Promise<Delivery> {
    const original = await this.query.visible(principal, id);
    const copy = { ...original, id: randomUUID(), redeliveryOf: original.id };
    await this.dataSource.transaction((tx) => this.deliveries.insert(tx, copy, nowOf(this.clock)));
    return (await this.deliveries.find(copy.id))!;
  }
}
