import { Module } from '@nestjs/common';
import { CooperationsModule } from '../cooperations';
import { PersonalDataStoreModule } from '../personal-data';
import { DeliveriesQuery } from './application/deliveries.query';
import { DeliverDueUseCase } from './application/deliver-due.use-case';
import { ExpandOutboxUseCase } from './application/expand-outbox.use-case';
import { FireReminderUseCase } from './application/fire-reminder.use-case';
import { NotificationAddressesUseCase } from './application/notification-addresses.use-case';
import { NotificationDispatcher } from './application/notification-dispatcher';
import { RedeliverUseCase } from './application/redeliver.use-case';
import { EmailSender } from './application/senders/email.sender';
import { NatsSink } from './application/senders/nats.sink';
import { WebhookSender } from './application/senders/webhook.sender';
import { WebhookSubscriptionsUseCase } from './application/webhook-subscriptions.use-case';
import {
  DeliveriesController,
  NotificationAddressesController,
  WebhookSubscriptionsController,
} from './http/notifications.controller';
import { AttemptRepository } from './infrastructure/attempt.repository';
import { DeliveryRepository } from './infrastructure/delivery.repository';
import { SubscriptionRepository } from './infrastructure/subscription.repository';
import { WebhookSecretKey } from './infrastructure/webhook-secret-key';
import { NotificationStoreModule } from './notification-store.module';

/**
 * Notifications and integrations (docs/notifications.md): the dispatcher that delivers the
 * outbox by e-mail, signed webhooks and the optional NATS sink; subscriptions, municipalities'
 * notification addresses and the delivery log over HTTP.
 */
@Module({
  // Cooperations for the one Clock (tests move it); the store for the outbox and reminders.
  imports: [CooperationsModule, NotificationStoreModule, PersonalDataStoreModule],
  controllers: [WebhookSubscriptionsController, NotificationAddressesController, DeliveriesController],
  providers: [
    DeliveryRepository,
    AttemptRepository,
    SubscriptionRepository,
    WebhookSecretKey,
    EmailSender,
    WebhookSender,
    NatsSink,
    ExpandOutboxUseCase,
    DeliverDueUseCase,
    FireReminderUseCase,
    NotificationDispatcher,
    WebhookSubscriptionsUseCase,
    NotificationAddressesUseCase,
    DeliveriesQuery,
    RedeliverUseCase,
  ],
  exports: [NotificationDispatcher],
})
export class NotificationsModule {}
