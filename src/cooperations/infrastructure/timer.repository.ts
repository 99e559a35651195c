import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WriteFragment } from '../../database/prepared';
import type { LifecycleEvent, PersistedState, TimerChanges } from '../domain';

/** One durable timer instance: the event the scheduler sends for a cooperation at `dueAt`. */
export interface DueTimer {
  cooperationId: string;
  key: string;
  /** ISO 8601 UTC instant, to the millisecond. */
  dueAt: string;
  event: LifecycleEvent;
  /** Failed firings so far (refused or thrown); 0 for a timer that never failed. */
  attempts: number;
}

/** Longest `last_error` kept on a row: enough for the first lines of any error, bounded. */
const MAX_ERROR_LENGTH = 2_000;

/** A timer row's instance in SQL, as `timerInstance()` spells it: cooperation, key and due instant. */
const TIMER_INSTANCE = `(cooperation_id::text || ' ' || key || ' ' || to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/** Names one timer instance (a row with its due instant), as `claimNextDue`'s `skip` holds them. */
export const timerInstance = (t: Pick<DueTimer, 'cooperationId' | 'key' | 'dueAt'>): string =>
  `${t.cooperationId} ${t.key} ${t.dueAt}`;

/** All SQL of `cooperation_timers`, the durable timers of the operation phase. */
@Injectable()
export class TimerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the earliest timer due at `now` that is neither backed off after a failure (`retry_at`
   * later than `now`), nor locked by another transaction, nor in `skip` (`FOR UPDATE SKIP LOCKED`:
   * each instance fires on one server only).
   */
  async claimNextDue(tx: EntityManager, now: Date, skip: ReadonlySet<string>): Promise<DueTimer | null> {
    const rows = await tx.query<
      Array<{ cooperation_id: string; key: string; due_at: Date; event: LifecycleEvent; attempts: number }>
    >(
      `SELECT cooperation_id, key, due_at, event, attempts FROM cooperation_timers
        WHERE due_at <= $1 AND (retry_at IS NULL OR retry_at <= $1) AND NOT (${TIMER_INSTANCE} = ANY($2::text[]))
        ORDER BY due_at, cooperation_id, key LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), [...skip]],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      cooperationId: row.cooperation_id,
      key: row.key,
      dueAt: new Date(row.due_at).toISOString(),
      event: row.event,
      attempts: row.attempts,
    };
  }

  /** Records a failed firing of the instance: one more attempt, its error, not before `retryAt`. */
  async recordFailure(
    tx: EntityManager,
    timer: Pick<DueTimer, 'cooperationId' | 'key' | 'dueAt'>,
    error: string,
    retryAt: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE cooperation_timers SET attempts = attempts + 1, last_error = $4, retry_at = $5
        WHERE cooperation_id = $1 AND key = $2 AND due_at = $3`,
      [timer.cooperationId, timer.key, timer.dueAt, error.slice(0, MAX_ERROR_LENGTH), retryAt.toISOString()],
    );
  }

  /** When the instance may be tried again after its last failure; null if it is not backed off (or gone). */
  async retryAt(timer: Pick<DueTimer, 'cooperationId' | 'key' | 'dueAt'>): Promise<Date | null> {
    const [row] = await this.dataSource.query<Array<{ retry_at: Date | null }>>(
      `SELECT retry_at FROM cooperation_timers WHERE cooperation_id = $1 AND key = $2 AND due_at = $3`,
      [timer.cooperationId, timer.key, timer.dueAt],
    );
    return row?.retry_at ? new Date(row.retry_at) : null;
  }

  async delete(tx: EntityManager, timer: Pick<DueTimer, 'cooperationId' | 'key' | 'dueAt'>): Promise<void> {
    await tx.query(`DELETE FROM cooperation_timers WHERE cooperation_id = $1 AND key = $2 AND due_at = $3`, [
      timer.cooperationId,
      timer.key,
      timer.dueAt,
    ]);
  }

  /**
   * Deletes the cancelled timers and upserts the scheduled ones, by (cooperation, key), as fragments
   * of the command's write (none when nothing changed); a rescheduled timer starts without failures.
   * The keys cancelled and those scheduled are disjoint (`diffTimers`), as one statement requires.
   */
  static writeSql(cooperationId: string, timers: TimerChanges): WriteFragment[] {
    const writes: WriteFragment[] = [];
    if (timers.cancel.length > 0) {
      writes.push(
        (bind) =>
          `DELETE FROM cooperation_timers WHERE cooperation_id = ${bind(cooperationId)}::uuid AND key = ANY(${bind(timers.cancel)}::text[])`,
      );
    }
    if (timers.schedule.length > 0) {
      writes.push((bind) => {
        const values = timers.schedule.map(
          (t) =>
            `(${bind(cooperationId)}::uuid, ${bind(t.key)}::text, ${bind(t.dueAt)}::timestamptz, ${bind(JSON.stringify(t.event))}::jsonb)`,
        );
        return `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ${values.join(', ')}
         ON CONFLICT (cooperation_id, key) DO UPDATE
           SET due_at = EXCLUDED.due_at, event = EXCLUDED.event, attempts = 0, last_error = NULL, retry_at = NULL`;
      });
    }
    return writes;
  }

  /** Active cooperations without any timer row (snapshots written under definition version 2). */
  async activeWithoutTimers(): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT c.id FROM cooperations c
        WHERE c.phase = 'active' AND NOT EXISTS (SELECT 1 FROM cooperation_timers t WHERE t.cooperation_id = c.id)
        ORDER BY c.id`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * The snapshot of `id`, locked without waiting, if it is still active and still has no timer
   * rows (a command holding the row writes them itself).
   */
  async lockActiveWithoutTimers(tx: EntityManager, id: string): Promise<PersistedState | null> {
    const [row] = await tx.query<Array<{ state: PersistedState }>>(
      `SELECT state FROM cooperations c
        WHERE id = $1 AND phase = 'active'
          AND NOT EXISTS (SELECT 1 FROM cooperation_timers t WHERE t.cooperation_id = c.id)
        FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return row?.state ?? null;
  }

  /** Active cooperations whose snapshot was written under a definition version below `version`. */
  async activeWrittenBefore(version: number): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM cooperations
        WHERE phase = 'active' AND definition_version < $1
        ORDER BY id`,
      [version],
    );
    return rows.map((r) => r.id);
  }

  /** The snapshot of `id`, locked without waiting, if it is active and still written before `version`. */
  async lockActiveWrittenBefore(tx: EntityManager, id: string, version: number): Promise<PersistedState | null> {
    const [row] = await tx.query<Array<{ state: PersistedState }>>(
      `SELECT state FROM cooperations
        WHERE id = $1 AND phase = 'active' AND definition_version < $2
        FOR UPDATE SKIP LOCKED`,
      [id, version],
    );
    return row?.state ?? null;
  }

  /** Inserts timer rows unless one with the same key exists; returns how many were inserted. */
  async insertMissing(tx: EntityManager, cooperationId: string, timers: TimerChanges['schedule']): Promise<number> {
    let inserted = 0;
    for (const t of timers) {
      const rows = await tx.query<Array<{ key: string }>>(
        `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)
         ON CONFLICT (cooperation_id, key) DO NOTHING RETURNING key`,
        [cooperationId, t.key, t.dueAt, JSON.stringify(t.event)],
      );
      inserted += rows.length;
    }
    return inserted;
  }
}
