import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LifecycleEvent, PersistedState, TimerChanges } from '../domain';

/** One durable timer instance: the event the scheduler sends for a cooperation at `dueAt`. */
export interface DueTimer {
  cooperationId: string;
  key: string;
  /** ISO 8601 UTC instant, to the millisecond. */
  dueAt: string;
  event: LifecycleEvent;
}

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
   * Claims the earliest timer due at `now` that is neither locked by another transaction nor in
   * `skip` (`FOR UPDATE SKIP LOCKED`: each instance fires on one server only).
   */
  async claimNextDue(tx: EntityManager, now: Date, skip: ReadonlySet<string>): Promise<DueTimer | null> {
    const rows = await tx.query<Array<{ cooperation_id: string; key: string; due_at: Date; event: LifecycleEvent }>>(
      `SELECT cooperation_id, key, due_at, event FROM cooperation_timers
        WHERE due_at <= $1 AND NOT (${TIMER_INSTANCE} = ANY($2::text[]))
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
    };
  }

  async delete(tx: EntityManager, timer: Pick<DueTimer, 'cooperationId' | 'key' | 'dueAt'>): Promise<void> {
    await tx.query(`DELETE FROM cooperation_timers WHERE cooperation_id = $1 AND key = $2 AND due_at = $3`, [
      timer.cooperationId,
      timer.key,
      timer.dueAt,
    ]);
  }

  /** Deletes the cancelled timers and upserts the scheduled ones, by (cooperation, key). */
  async write(tx: EntityManager, cooperationId: string, timers: TimerChanges): Promise<void> {
    if (timers.cancel.length > 0) {
      await tx.query(`DELETE FROM cooperation_timers WHERE cooperation_id = $1 AND key = ANY($2::text[])`, [
        cooperationId,
        timers.cancel,
      ]);
    }
    for (const t of timers.schedule) {
      await tx.query(
        `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)
         ON CONFLICT (cooperation_id, key) DO UPDATE SET due_at = EXCLUDED.due_at, event = EXCLUDED.event`,
        [cooperationId, t.key, t.dueAt, JSON.stringify(t.event)],
      );
    }
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
