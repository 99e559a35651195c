import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { text } from '../../common/i18n';
import { isNonPublicAddress, webhookUrlProblem } from '../domain/address-guard';
import { type Subscription, SubscriptionRepository } from '../infrastructure/subscription.repository';
import { assertMayManage, mayManage } from './notification-scope';
import { SubscriptionNotFound, WebhookTargetRefused } from './notifications.errors';
import { WebhookSender } from './senders/webhook.sender';

/** A subscription as callers see it: the secret only in the answer to its creation. */
export type SubscriptionView = Subscription & { secret?: string };

/**
 * Webhook subscriptions (docs/notifications.md): a coordinator subscribes for the own
 * municipality (events of its cooperations), an admin for any municipality or globally (every
 * event). The secret is generated here in the Standard Webhooks format (`whsec_` + base64 of 32
 * random bytes), shown once and stored sealed (SubscriptionRepository).
 */
@Injectable()
export class WebhookSubscriptionsUseCase {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: { url: string; municipality?: string }): Promise<SubscriptionView> {
    const municipality = input.municipality ?? (principal.role === 'admin' ? null : (principal.municipality ?? null));
    if (municipality !== null) assertMayManage(principal, municipality);
    else if (principal.role !== 'admin') assertMayManage(principal, '');
    await this.checkTarget(input.url);
    const subscription: Subscription = {
      id: randomUUID(),
      municipality,
      url: input.url,
      createdBy: { sub: principal.sub, role: principal.role },
      createdAt: nowOf(this.clock),
    };
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    await this.subscriptions.insert({ ...subscription, secret });
    return { ...subscription, secret };
  }

  async list(principal: Principal): Promise<SubscriptionView[]> {
    const all = await this.subscriptions.list(principal.role === 'admin' ? undefined : (principal.municipality ?? ''));
    return all;
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const found = await this.subscriptions.find(id);
    if (!found || found.deleted || !mayManage(principal, found.municipality)) throw new SubscriptionNotFound(id);
    await this.subscriptions.markDeleted(id, nowOf(this.clock));
  }

  /** The URL's form always; in production also where its name points (the sender checks again on every delivery). */
  private async checkTarget(url: string): Promise<void> {
    const problem = webhookUrlProblem(url);
    if (problem) throw new WebhookTargetRefused(text(`webhookTargets.${problem}`));
    if (!this.sender.guarded) return;
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host)
      ? [host]
      : await lookup(host, { all: true }).then(
          (a) => a.map((x) => x.address),
          () => [],
        );
    if (addresses.length === 0) throw new WebhookTargetRefused(text('webhookTargets.unresolvable', { host }));
    const refused = addresses.find(isNonPublicAddress);
    if (refused) throw new WebhookTargetRefused(text('webhookTargets.nonPublic', { host, address: refused }));
  }
}
