import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { reminderEvent, reminderEventId } from '../domain/cloud-event';
import { OutboxRepository } from '../infrastructure/outbox.repository';
import { ReminderRepository } from '../infrastructure/reminder.repository';

/**
 * Sends the earliest due reminder, in one short transaction: claims its row (`FOR UPDATE SKIP
 * LOCKED`, so one instance sends it), writes its event to the outbox and marks it sent. Returns
 * the reminder's event id, or null when none is due.
 */
@Injectable()
export class FireReminderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: ReminderRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  execute(now: Date): Promise<string | null> {
    return this.dataSource.transaction(async (tx) => {
      const due = await this.reminders.claimNextDue(tx, now);
      if (!due) return null;
      const id = reminderEventId(due.cooperationId, due.timerKey, due.timerDueAt, due.leadDays);
      const { timerKey, timerDueAt, leadDays, remindAt, notice } = due;
      await this.outbox.insert(tx, {
        id,
        cooperationId: due.cooperationId,
        kind: 'reminder',
        event: reminderEvent(id, due.cooperationId, notice.topic, now, { timerKey, timerDueAt, leadDays, remindAt }),
        notices: [notice],
        members: [],
        createdAt: now,
      });
      await this.reminders.markSent(tx, due, now);
      return id;
    });
  }
}
