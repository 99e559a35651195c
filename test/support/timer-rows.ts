import type { DataSource } from 'typeorm';
import type { ScheduledTimer } from '../../src/cooperations/domain';
import { HEEK } from '../fixtures/building-yard.scenario';

/** The building yard's first timer after entry into force: Heek's report for 2027-Q1. */
export const FIRST_DUE = '2027-03-31T22:00:00.000Z'; // 00:00 in Germany after 2027-Q1's last day
export const FIRST_KEY = `report-due:${HEEK.ags}:2027-Q1`;
/** What firing it schedules: the grace period and the next period's due date. */
export const AFTER_FIRST = [`report-grace:${HEEK.ags}:2027-Q1`, `report-due:${HEEK.ags}:2027-Q2`];

/** A cooperation's timer rows, earliest first, as the tests compare them with `pendingTimers`. */
export async function timerRows(ds: DataSource, cooperationId: string) {
  const rows = await ds.query<Array<{ key: string; due_at: Date; event: ScheduledTimer['event'] }>>(
    `SELECT key, due_at, event FROM cooperation_timers WHERE cooperation_id = $1 ORDER BY due_at, key`,
    [cooperationId],
  );
  return rows.map((r) => ({ key: r.key, dueAt: new Date(r.due_at).toISOString(), event: r.event }));
}

/** A cooperation's history entries of one event type, as stored. */
export async function entries(ds: DataSource, cooperationId: string, eventType: string) {
  return await ds.query<
    Array<{ sequence: number; payload: Record<string, unknown>; actor: object; idempotency_key: string | null }>
  >(
    `SELECT sequence, payload, actor, idempotency_key FROM cooperation_history
      WHERE cooperation_id = $1 AND event_type = $2 ORDER BY sequence`,
    [cooperationId, eventType],
  );
}

/** Inserts a timer row by hand: a duplicate, a probe, or what a bug or clock skew left behind. */
export async function insertTimer(
  ds: DataSource,
  cooperationId: string,
  timer: { key: string; dueAt: string; event: object },
): Promise<void> {
  await ds.query(`INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)`, [
    cooperationId,
    timer.key,
    timer.dueAt,
    JSON.stringify(timer.event),
  ]);
}

/** What a server of definition version 2 left behind: `active` as a plain state, no operation context, no timer rows. */
export async function downgradeToDefinitionVersion2(ds: DataSource, cooperationId: string): Promise<void> {
  await ds.query(
    `UPDATE cooperations
        SET state = jsonb_build_object('definitionVersion', 2, 'value', 'active',
              'context', (state->'context') - 'reporting' - 'escalation' - 'membership' - 'dissolution' - 'timers'),
            definition_version = 2, state_value = 'active'
      WHERE id = $1`,
    [cooperationId],
  );
  await ds.query(`DELETE FROM cooperation_timers WHERE cooperation_id = $1`, [cooperationId]);
}
