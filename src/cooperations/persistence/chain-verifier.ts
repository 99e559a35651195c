import { type ChainVerification, GENESIS_HASH, type HistoryEntry, hashEntry } from '../domain';

/**
 * The domain's `verifyChain` fed one entry at a time, so a long history can be checked in
 * batches without holding it in memory. Same checks, same order, same reasons; its spec keeps
 * the two in agreement.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private position = 0;
  private cooperationId?: string;
  private broken?: { firstBrokenSequence: number; reason: string };

  /** false once the chain is broken: later entries need not be read. */
  push(e: HistoryEntry): boolean {
    if (this.broken) return false;
    const i = ++this.position;
    this.cooperationId ??= e.cooperationId;
    const reason = this.check(e, i);
    if (reason) {
      this.broken = { firstBrokenSequence: i, reason };
      return false;
    }
    this.prev = e.hash;
    return true;
  }

  /** `entries` is the number of entries of the chain, counted by the caller when it stopped early. */
  result(entries = this.position): ChainVerification {
    return this.broken ? { valid: false, entries, ...this.broken } : { valid: true, entries, headHash: this.prev };
  }

  private check(e: HistoryEntry, i: number): string | null {
    if (e.sequence !== i) return `expected sequence ${i}, found ${String(e.sequence)}`;
    if (e.cooperationId !== this.cooperationId) return 'entry belongs to another cooperation';
    if (e.prevHash !== this.prev) return 'prevHash does not match the previous entry';
    let hash: string;
    try {
      hash = hashEntry(e.prevHash, e);
    } catch (err) {
      return `content cannot be encoded: ${(err as Error).message}`;
    }
    return hash === e.hash ? null : 'hash does not match the entry content';
  }
}

/** Runs one parameterized statement: a TypeORM DataSource's or a `pg` client's `query`. */
export type ChainQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** Batch size of `verifyStoredChain`: 5 000 entries ≈ a few MB of rows, 20 round trips per 100 000. */
export const VERIFY_STORED_BATCH = 5_000;

/** A raw `cooperation_history` row as `pg` returns it (timestamptz parsed to Date, jsonb to values). */
export interface HistoryRow {
  cooperation_id: string;
  sequence: number;
  event_type: string;
  payload: unknown;
  actor: HistoryEntry['actor'];
  state_before: string | null;
  state_after: string;
  obligations: unknown[];
  recorded_at: Date | string;
  request_id: string | null;
  idempotency_key: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * A multi-row INSERT of history entries with their stored hashes, for tools that write rows directly
 * (the bench's floor and seed, test fixtures); the server itself appends through its command path.
 */
export function insertHistorySql(rows: number): string {
  const columns =
    'cooperation_id, sequence, event_type, payload, actor, state_before, state_after, obligations, recorded_at, request_id, idempotency_key, prev_hash, hash';
  const values = Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: 13 }, (_, c) => `$${r * 13 + c + 1}`).join(', ')})`,
  );
  return `INSERT INTO cooperation_history (${columns}) VALUES ${values.join(', ')}`;
}

/** The parameters of one entry for `insertHistorySql`, in its column order. */
export const historyInsertParams = (e: HistoryEntry): unknown[] => [
  e.cooperationId,
  e.sequence,
  e.eventType,
  JSON.stringify(e.payload),
  JSON.stringify(e.actor),
  e.stateBefore,
  e.stateAfter,
  JSON.stringify(e.obligations),
  e.recordedAt,
  e.requestId,
  e.idempotencyKey,
  e.prevHash,
  e.hash,
];

/** The row exactly as docs/hash-chain.md specifies an entry (and an export line). */
export function toEntry(r: HistoryRow): HistoryEntry {
  return {
    cooperationId: r.cooperation_id,
    sequence: r.sequence,
    eventType: r.event_type,
    payload: r.payload,
    actor: r.actor,
    stateBefore: r.state_before,
    stateAfter: r.state_after,
    obligations: r.obligations,
    recordedAt: new Date(r.recorded_at).toISOString(),
    requestId: r.request_id,
    idempotencyKey: r.idempotency_key,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Verifies one cooperation's stored chain (the caller has checked it may see it): keyset batches of
 * raw rows with only the columns the hash needs, no ORM hydration, no cursor held between batches
 * (the embedded database has one connection that others need too), the next batch requested before
 * the current one is hashed. Same result as feeding the
 * TypeORM rows to a `ChainVerifier`, which it does; on a broken chain `entries` is the chain's length.
 */
export async function verifyStoredChain(
  query: ChainQuery,
  cooperationId: string,
  batch = VERIFY_STORED_BATCH,
): Promise<ChainVerification> {
  const verifier = new ChainVerifier();
  const read = (after: number) =>
    query(
      `SELECT cooperation_id, sequence, event_type, payload, actor, state_before, state_after, obligations, recorded_at,
              request_id, idempotency_key, prev_hash, hash
         FROM cooperation_history WHERE cooperation_id = $1 AND sequence > $2 ORDER BY sequence LIMIT ${Math.trunc(batch)}`,
      [cooperationId, after],
    ) as Promise<HistoryRow[]>;
  let pending: Promise<HistoryRow[]> | null = read(0);
  while (pending) {
    const rows: HistoryRow[] = await pending;
    // The next batch is read while this one is hashed: the database works while Node hashes.
    pending = rows.length < batch ? null : read(rows[rows.length - 1].sequence);
    for (const r of rows) {
      const entry = toEntry(r);
      if (!verifier.push(entry)) {
        await pending?.catch(() => undefined);
        const [{ n }] = (await query('SELECT count(*)::int AS n FROM cooperation_history WHERE cooperation_id = $1', [
          cooperationId,
        ])) as { n: number }[];
        return verifier.result(n);
      }
    }
  }
  return verifier.result();
}
