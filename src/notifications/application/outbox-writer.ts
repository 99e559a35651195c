import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { Environment } from '../../config/configuration';
import { runFragment, type WriteFragment } from '../../database/prepared';
import { type RecordedEntry, transitionEvent } from '../domain/cloud-event';
import { type Notice, type NotifiedContext, noticesFor } from '../domain/notices';
import { type ExpectedReminder, expectedReminders, isStillAhead } from '../domain/reminders';
import { OutboxRepository } from '../infrastructure/outbox.repository';
import { ReminderRepository } from '../infrastructure/reminder.repository';
import { leadTimesOf } from './notification-settings';

export interface RecordedOptions {
  /** A late timer event that changed nothing (its notices are none). */
  noop?: boolean;
  /**
   * The context the reminders were last brought in line with (the stored snapshot's, when it is of
   * the current definition): when the new one expects the same reminders, they are left alone.
   */
  before?: NotifiedContext;
}

/**
 * The command path's one hook into notifications: in the transaction of a history entry, writes
 * the event to tell (its CloudEvent and who is told what) to the outbox, and brings the
 * cooperation's lead-time reminders in line with the timers its new state expects. A crash before
 * the commit loses neither: both commit with the entry or not at all.
 */
@Injectable()
export class OutboxWriter {
  private readonly leadTimes: number[];

  constructor(config: ConfigService<Environment, true>) {
    this.leadTimes = leadTimesOf(config);
  }

  /**
   * The entry's writes as fragments of the command's one write statement: the outbox row, and the
   * reminders' sync unless the reminders `options.before` expected are the same.
   */
  writes(entry: RecordedEntry, ctx: NotifiedContext, options: RecordedOptions = {}): WriteFragment[] {
    const at = new Date(entry.recordedAt);
    const event = transitionEvent(entry);
    const row = {
      id: event.id,
      cooperationId: entry.cooperationId,
      kind: 'transition' as const,
      event,
      notices: noticesFor(entry, ctx, options.noop).map((n) => withTitle(n, ctx)),
      members: Object.keys(ctx.members).sort(),
      createdAt: at,
    };
    const writes: WriteFragment[] = [(bind) => OutboxRepository.insertSql(row, bind)];
    const expected = this.expected(ctx);
    // The rows are those `before` expected (its command synced them): the same expectation, nothing to write.
    if (options.before && sameReminders(this.expected(options.before), expected)) return writes;
    const add = expected.filter((r) => isStillAhead(r, at));
    return [...writes, ...ReminderRepository.syncSql(entry.cooperationId, expected, add)];
  }

  /** `writes`, each a statement of its own (where no write statement takes them in: an opening). */
  async recorded(tx: EntityManager, entry: RecordedEntry, ctx: NotifiedContext, options: RecordedOptions = {}) {
    for (const write of this.writes(entry, ctx, options)) await runFragment(tx, write);
  }

  private expected(ctx: NotifiedContext): ExpectedReminder[] {
    return expectedReminders(ctx, this.leadTimes).map((r) => ({ ...r, notice: withTitle(r.notice, ctx) }));
  }
}

const withTitle = (n: Notice, ctx: NotifiedContext): Notice => ({ ...n, facts: { ...n.facts, title: ctx.title } });

const sameReminders = (a: readonly ExpectedReminder[], b: readonly ExpectedReminder[]): boolean =>
  a.length === b.length && (a.length === 0 || JSON.stringify(a) === JSON.stringify(b));
