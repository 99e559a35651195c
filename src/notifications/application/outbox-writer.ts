import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { Environment } from '../../config/configuration';
import { type RecordedEntry, transitionEvent } from '../domain/cloud-event';
import { type Notice, type NotifiedContext, noticesFor } from '../domain/notices';
import { expectedReminders, isStillAhead } from '../domain/reminders';
import { OutboxRepository } from '../infrastructure/outbox.repository';
import { ReminderRepository } from '../infrastructure/reminder.repository';
import { leadTimesOf } from './notification-settings';

/**
 * The command path's one hook into notifications: in the transaction of a history entry, writes
 * the event to tell (its CloudEvent and who is told what) to the outbox, and brings the
 * cooperation's lead-time reminders in line with the timers its new state expects. A crash before
 * the commit loses neither: both commit with the entry or not at all.
 */
@Injectable()
export class OutboxWriter {
  private readonly leadTimes: number[];

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly reminders: ReminderRepository,
    config: ConfigService<Environment, true>,
  ) {
    this.leadTimes = leadTimesOf(config);
  }

  async recorded(tx: EntityManager, entry: RecordedEntry, ctx: NotifiedContext, options: { noop?: boolean } = {}) {
    const at = new Date(entry.recordedAt);
    const withTitle = (n: Notice): Notice => ({ ...n, facts: { ...n.facts, title: ctx.title } });
    const event = transitionEvent(entry);
    await this.outbox.insert(tx, {
      id: event.id,
      cooperationId: entry.cooperationId,
      kind: 'transition',
      event,
      notices: noticesFor(entry, ctx, options.noop).map(withTitle),
      members: Object.keys(ctx.members).sort(),
      createdAt: at,
    });
    const expected = expectedReminders(ctx, this.leadTimes).map((r) => ({ ...r, notice: withTitle(r.notice) }));
    await this.reminders.sync(
      tx,
      entry.cooperationId,
      expected,
      expected.filter((r) => isStillAhead(r, at)),
    );
  }
}
