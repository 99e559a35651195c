import { Module } from '@nestjs/common';
import { OutboxWriter } from './application/outbox-writer';
import { OutboxRepository } from './infrastructure/outbox.repository';
import { ReminderRepository } from './infrastructure/reminder.repository';

/**
 * What the cooperations' command path needs of notifications: the outbox writer, called in the
 * transaction of every history entry. A module of its own, without dependencies, so that
 * cooperations can import it while the notifications feature (which reads cooperations) does not
 * form a cycle with it — like DocumentStoreModule and PersonalDataStoreModule.
 */
@Module({
  providers: [OutboxRepository, ReminderRepository, OutboxWriter],
  exports: [OutboxRepository, ReminderRepository, OutboxWriter],
})
export class NotificationStoreModule {}
