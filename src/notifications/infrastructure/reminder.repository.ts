import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WriteFragment } from '../../database/prepared';
import type { Notice } from '../domain/notices';
import type { ExpectedReminder } from '../domain/reminders';

export interface DueReminder extends ExpectedReminder {
  cooperationId: string;
}

interface ReminderRow {
  cooperation_id: string;
  timer_key: string;
  timer_due_at: Date;
  lead_days: number;
  remind_at: Date;
  notice: Notice;
}

/** All SQL of `notification_reminders`: the lead-time reminders the cooperations' timers imply. */
@Injectable()
export class ReminderRepository {
  /**
   * Makes the cooperation's unsent reminders those `expected`: rows no longer expected go, `add`
   * (those still ahead) are inserted, and unsent ones get the current notice (recipients change
   * with the state). Sent rows stay as the record that they were sent. Fragments of the command's
   * write (`WriteFragment`): the rows deleted and those upserted are disjoint (`add` is part of
   * `expected`), as one statement requires.
   */
  static syncSql(
    cooperationId: string,
    expected: readonly ExpectedReminder[],
    add: readonly ExpectedReminder[],
  ): WriteFragment[] {
    const idOf = (r: ExpectedReminder) => `${r.timerKey} ${new Date(r.timerDueAt).toISOString()} ${r.leadDays}`;
    const remove: WriteFragment = (bind) =>
      `DELETE FROM notification_reminders WHERE cooperation_id = ${bind(cooperationId)}::uuid AND sent_at IS NULL
          AND NOT (timer_key || ' ' || to_char(timer_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                   || ' ' || lead_days = ANY(${bind(expected.map(idOf))}::text[]))`;
    // One row per key: an upsert cannot touch a row twice (lead times listed twice in the settings).
    const rows = [...new Map(add.map((r) => [idOf(r), r])).values()];
    if (rows.length === 0) return [remove];
    const upsert: WriteFragment = (bind) => {
      const values = rows.map(
        (r) =>
          `(${bind(cooperationId)}::uuid, ${bind(r.timerKey)}::text, ${bind(r.timerDueAt)}::timestamptz, ${bind(r.leadDays)}::int,
            ${bind(r.remindAt)}::timestamptz, ${bind(JSON.stringify(r.notice))}::jsonb)`,
      );
      return `INSERT INTO notification_reminders (cooperation_id, timer_key, timer_due_at, lead_days, remind_at, notice)
         VALUES ${values.join(', ')}
         ON CONFLICT (cooperation_id, timer_key, timer_due_at, lead_days)
         DO UPDATE SET notice = EXCLUDED.notice WHERE notification_reminders.sent_at IS NULL`;
    };
    return [remove, upsert];
  }

  /** Claims the earliest unsent reminder due at `now` (`FOR UPDATE SKIP LOCKED`: one instance sends it). */
  async claimNextDue(tx: EntityManager, now: Date): Promise<DueReminder | null> {
    const [row] = await tx.query<ReminderRow[]>(
      `SELECT cooperation_id, timer_key, timer_due_at, lead_days, remind_at, notice FROM notification_reminders
        WHERE sent_at IS NULL AND remind_at <= $1
        ORDER BY remind_at, cooperation_id, timer_key, lead_days LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (!row) return null;
    return {
      cooperationId: row.cooperation_id,
      timerKey: row.timer_key,
      timerDueAt: new Date(row.timer_due_at).toISOString(),
      leadDays: row.lead_days,
      remindAt: new Date(row.remind_at).toISOString(),
      notice: row.notice,
    };
  }

  async markSent(tx: EntityManager, r: DueReminder, at: Date): Promise<void> {
    await tx.query(
      `UPDATE notification_reminders SET sent_at = $5
        WHERE cooperation_id = $1 AND timer_key = $2 AND timer_due_at = $3 AND lead_days = $4`,
      [r.cooperationId, r.timerKey, r.timerDueAt, r.leadDays, at],
    );
  }
}
