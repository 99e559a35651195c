/**
 * The floor: one lifecycle transition's database work straight through `pg`, without HTTP or the
 * framework — what the engine cannot beat.
 */
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { COORD_HEEK, HEEK } from '../../test/fixtures/building-yard.scenario';
import { HistoryRepository, historyInsertParams, insertHistorySql, nextEntry, pgQuery } from '../../src/history';
import { closedLoop, type LoadResult } from './stats';

/** A valid event that can repeat: the lead appoints (again) its own contact, allowed before `active`. */
export const APPOINT_CONTACT = {
  type: 'APPOINT_CONTACT',
  name: 'Maria Beispiel',
  email: 'maria.beispiel@heek.example',
  position: 'Fachbereichsleiterin Bauen und Umwelt',
  userSub: COORD_HEEK.sub,
  authority: {
    conferredBy: 'Bürgermeister',
    conferredOn: '2026-01-05',
    scope: 'Verhandlung und Unterzeichnung der Absichtserklärung',
  },
};
const { type: _type, ...PAYLOAD } = APPOINT_CONTACT;
const APPOINT_PAYLOAD = PAYLOAD;
const ACTOR = { sub: COORD_HEEK.sub, role: COORD_HEEK.role, municipality: HEEK.ags };

type Snapshot = { context: { contacts: Record<string, unknown> } };

/** The history content of the bench's APPOINT_CONTACT (without sequence) at `at`. */
export const appointContent = (id: string, at: Date, requestId: string | null = randomUUID()) => ({
  cooperationId: id,
  eventType: 'APPOINT_CONTACT',
  payload: APPOINT_PAYLOAD,
  actor: ACTOR,
  stateBefore: 'partnerSearch',
  stateAfter: 'partnerSearch',
  obligations: [],
  recordedAt: at.toISOString(),
  requestId,
  idempotencyKey: null,
});

function appoint(state: Snapshot, now: Date): void {
  state.context.contacts[HEEK.ags] = {
    ...APPOINT_PAYLOAD,
    municipality: HEEK.ags,
    appointedAt: now.toISOString(),
    appointedBy: ACTOR.sub,
  };
}

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * The floor, in the engine's shape since issue 18 — four round trips: `BEGIN`; the locking read
 * of state, version and chain head (`head_hash`, the head's sequence is `version`); one statement
 * that inserts the hashed history entry and updates snapshot, version and head (a data-modifying
 * CTE); `COMMIT`.
 */
export function fourRoundTrips(client: PoolClient, id: string): Promise<void> {
  return inTransaction(client, async () => {
    const { rows } = await client.query<{ state: Snapshot; version: number; head_hash: string }>(
      'SELECT state, version, head_hash FROM cooperations WHERE id = $1 FOR UPDATE',
      [id],
    );
    const { state, version, head_hash: head } = rows[0];
    const now = new Date();
    appoint(state, now);
    const entry = nextEntry({ sequence: version, hash: head }, appointContent(id, now));
    await client.query(
      `WITH entry AS (${insertHistorySql(1)})
       UPDATE cooperations SET state = $14, version = $15, updated_at = $16, head_hash = $13 WHERE id = $1`,
      [...historyInsertParams(entry), JSON.stringify(state), version + 1, now],
    );
  });
}

/**
 * The shape before issue 18, for comparison — six round trips: the chain head read from the
 * history (`ORDER BY sequence DESC LIMIT 1`), entry and snapshot written by separate statements.
 */
export function sixRoundTrips(client: PoolClient, id: string): Promise<void> {
  return inTransaction(client, async () => {
    const { rows } = await client.query<{ state: Snapshot; version: number }>(
      'SELECT state, version FROM cooperations WHERE id = $1 FOR UPDATE',
      [id],
    );
    const now = new Date();
    const state = rows[0].state;
    appoint(state, now);
    const query = pgQuery(client);
    const entry = await new HistoryRepository(query).append(query, appointContent(id, now));
    await client.query(
      'UPDATE cooperations SET state = $2, version = $3, updated_at = $4, head_hash = $5 WHERE id = $1',
      [id, JSON.stringify(state), rows[0].version + 1, now, entry.hash],
    );
  });
}

/** `transition` from `connections` concurrent clients on cooperations picked at random from `ids`. */
export async function runFloor(
  pool: Pool,
  ids: string[],
  connections: number,
  seconds: number,
  warmup: number,
  transition: (client: PoolClient, id: string) => Promise<void>,
): Promise<LoadResult> {
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const once = async () => {
    const client = await pool.connect();
    try {
      await transition(client, pick());
    } finally {
      client.release();
    }
  };
  if (warmup > 0) await closedLoop(connections, warmup, once);
  return closedLoop(connections, seconds, once);
}
