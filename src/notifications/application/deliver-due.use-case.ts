import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { Environment } from '../../config/configuration';
import { Metrics } from '../../metrics';
import { NotificationAddressBook } from '../../personal-data';
import { nextAttemptAt, type RetryPolicy } from '../domain/retry';
import { type Delivery, DeliveryRepository } from '../infrastructure/delivery.repository';
import { AttemptRepository } from '../infrastructure/attempt.repository';
import { OutboxRepository } from '../infrastructure/outbox.repository';
import { SubscriptionRepository } from '../infrastructure/subscription.repository';
import { retryPolicyOf } from './notification-settings';
import { EmailSender } from './senders/email.sender';
import { NatsSink } from './senders/nats.sink';
import { WebhookSender } from './senders/webhook.sender';

/** Deliveries leased per look. */
const BATCH = 20;

/** A delivery that can never succeed (recipient erased, subscription deleted): parked at once. */
class Undeliverable extends Error {}

export interface AttemptOutcome {
  deliveryId: string;
  attempt: number;
  ok: boolean;
  detail: string;
}

/**
 * Attempts the due deliveries: leases a batch (no transaction is open while sending), sends each
 * through its channel, and records the attempt and its outcome in one short transaction —
 * delivered, retried with exponential backoff, or parked as failed after NOTIFY_MAX_ATTEMPTS.
 * At least once: a crash after sending and before recording sends again when the lease ends.
 */
@Injectable()
export class DeliverDueUseCase {
  private readonly logger = new Logger('Notifications');
  private readonly policy: RetryPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly attempts: AttemptRepository,
    private readonly outbox: OutboxRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly addresses: NotificationAddressBook,
    private readonly email: EmailSender,
    private readonly webhooks: WebhookSender,
    private readonly nats: NatsSink,
    private readonly config: ConfigService<Environment, true>,
    private readonly metrics: Metrics,
  ) {
    this.policy = retryPolicyOf(config);
  }

  async execute(now: Date): Promise<AttemptOutcome[]> {
    const lease = 2 * this.config.get('NOTIFY_TIMEOUT_MS', { infer: true });
    const leased = await this.deliveries.lease(now, new Date(now.getTime() + lease), BATCH);
    const outcomes: AttemptOutcome[] = [];
    for (const d of leased) outcomes.push(await this.attempt(d, now));
    return outcomes;
  }

  private async attempt(d: Delivery, now: Date): Promise<AttemptOutcome> {
    let ok = true;
    let detail: string;
    let retryAt: Date | null = null;
    try {
      detail = await this.send(d);
    } catch (error) {
      ok = false;
      detail = error instanceof Error ? error.message : String(error);
      retryAt = error instanceof Undeliverable ? null : nextAttemptAt(this.policy, d.attempts, now);
      const fate = retryAt ? `next attempt at ${retryAt.toISOString()}` : 'parked as failed';
      this.logger.warn(`delivery ${d.id} (${d.channel}) attempt ${d.attempts} failed, ${fate}: ${detail}`);
    }
    await this.dataSource.transaction(async (tx) => {
      await this.attempts.insert(tx, d.id, { attempt: d.attempts, at: now, ok, detail });
      await this.deliveries.settle(tx, d.id, ok ? { ok, at: now } : { ok, error: detail, retryAt });
    });
    this.metrics.deliveryAttempted(d.channel, ok ? 'delivered' : retryAt ? 'retry' : 'failed');
    return { deliveryId: d.id, attempt: d.attempts, ok, detail };
  }

  private async send(d: Delivery): Promise<string> {
    if (d.channel === 'email') {
      const to = await this.addresses.emailOf(d.target);
      if (!to) throw new Undeliverable('the recipient was erased or has no e-mail address');
      if (!this.email.enabled) throw new Error('SMTP_URL is not set');
      return this.email.send(to, d.message!, d.eventId);
    }
    const stored = await this.outbox.find(d.eventId);
    if (!stored) throw new Undeliverable(`event ${d.eventId} is gone`);
    if (d.channel === 'nats') {
      if (!this.nats.enabled) throw new Error('NATS_URL is not set');
      return this.nats.publish(stored.event);
    }
    const s = await this.subscriptions.find(d.target);
    if (!s || s.deleted) throw new Undeliverable('the subscription was deleted');
    return this.webhooks.send(s.url, s.secret, stored.event);
  }
}
