import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, type EntityManager } from 'typeorm';
import type { Environment } from '../../config/configuration';
import { NotificationAddressBook } from '../../personal-data';
import { deliveryId } from '../domain/cloud-event';
import type { Recipient } from '../domain/notices';
import { renderMail } from '../domain/texts';
import { DeliveryRepository, type NewDelivery } from '../infrastructure/delivery.repository';
import { type OutboxEvent, OutboxRepository } from '../infrastructure/outbox.repository';
import { SubscriptionRepository } from '../infrastructure/subscription.repository';
import { EmailSender } from './senders/email.sender';
import { NatsSink } from './senders/nats.sink';

/** Outbox events expanded per transaction. */
const BATCH = 20;

/**
 * Turns outbox events into deliveries, in one short transaction per batch: an e-mail per address
 * of the notices' recipients (a municipality's addresses for the role, the appointed contact),
 * a webhook delivery per subscription of the cooperation's municipalities and per global one, and
 * one to the broker when configured. Delivery ids derive from the event and the target, so an
 * event expanded twice adds nothing. Returns how many events were expanded.
 */
@Injectable()
export class ExpandOutboxUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly addresses: NotificationAddressBook,
    private readonly email: EmailSender,
    private readonly nats: NatsSink,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async execute(now: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const events = await this.outbox.claimUnexpanded(tx, BATCH);
      for (const e of events) {
        for (const d of await this.deliveriesOf(tx, e)) await this.deliveries.insert(tx, d, now);
      }
      if (events.length > 0) {
        await this.outbox.markExpanded(
          tx,
          events.map((e) => e.id),
          now,
        );
      }
      return events.length;
    });
  }

  private async deliveriesOf(tx: EntityManager, e: OutboxEvent): Promise<NewDelivery[]> {
    const base = { eventId: e.id, cooperationId: e.cooperationId, redeliveryOf: null };
    const out: NewDelivery[] = this.email.enabled ? await this.mails(tx, e) : [];
    if (e.kind !== 'transition') return out;
    for (const s of await this.subscriptions.activeFor(tx, e.members)) {
      out.push({
        ...base,
        id: deliveryId(e.id, 'webhook', s.id),
        channel: 'webhook',
        target: s.id,
        municipality: s.municipality,
        role: null,
        message: null,
      });
    }
    if (this.nats.enabled) {
      const subject = this.nats.subjectOf(e.event);
      out.push({
        ...base,
        id: deliveryId(e.id, 'nats', subject),
        channel: 'nats',
        target: subject,
        municipality: null,
        role: null,
        message: null,
      });
    }
    return out;
  }

  /** One e-mail per address: an address named by several notices of the event gets the first. */
  private async mails(tx: EntityManager, e: OutboxEvent): Promise<NewDelivery[]> {
    const link = `${this.config.get('CONSOLE_URL', { infer: true }).replace(/\/+$/, '')}/cooperations/${e.cooperationId}`;
    const seen = new Set<string>();
    const out: NewDelivery[] = [];
    for (const notice of e.notices) {
      const message = renderMail(notice.topic, { ...notice.facts, title: notice.facts.title ?? '', link });
      for (const r of notice.recipients) {
        for (const target of await this.addressIds(tx, r)) {
          if (seen.has(target)) continue;
          seen.add(target);
          out.push({
            id: deliveryId(e.id, 'email', target),
            eventId: e.id,
            cooperationId: e.cooperationId,
            channel: 'email',
            target,
            municipality: r.municipality,
            role: r.role,
            message,
            redeliveryOf: null,
          });
        }
      }
    }
    return out;
  }

  /** The personal data records a recipient stands for (the address is read when sending). */
  private async addressIds(tx: EntityManager, r: Recipient): Promise<string[]> {
    if (r.role === 'contact') {
      return r.personRef && (await this.addresses.emailOf(r.personRef, tx)) ? [r.personRef] : [];
    }
    return (await this.addresses.list(r.municipality, r.role, tx)).map((a) => a.id);
  }
}
