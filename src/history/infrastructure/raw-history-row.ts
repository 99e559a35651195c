import { types } from 'pg';
import { type ChainLink, type HistoryEntry, type Recomputed, recompute } from '../domain/hash-chain';

/*
 * A history row as PostgreSQL sends it (text format, one array per row, columns in the order of
 * HISTORY_COLUMNS): verification reads rows like this so that parsing them — jsonb and timestamps,
 * most of a row's cost — happens where the hashing happens, in a worker thread.
 */
export type RawHistoryRow = (string | null)[];

// The driver's own parser: the same instant as the rows the repository reads otherwise.
const parseTimestamptz = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => Date;

export function entryOfRaw(r: RawHistoryRow): HistoryEntry {
  return {
    cooperationId: r[0]!,
    sequence: Number(r[1]),
    eventType: r[2]!,
    payload: JSON.parse(r[3]!) as unknown,
    actor: JSON.parse(r[4]!) as HistoryEntry['actor'],
    stateBefore: r[5],
    stateAfter: r[6]!,
    obligations: JSON.parse(r[7]!) as unknown[],
    recordedAt: parseTimestamptz(r[8]!).toISOString(),
    requestId: r[9],
    idempotencyKey: r[10],
    prevHash: r[11]!,
    hash: r[12]!,
  };
}

export const linkOfRaw = (r: RawHistoryRow): ChainLink => ({
  cooperationId: r[0]!,
  sequence: Number(r[1]),
  prevHash: r[11]!,
  hash: r[12]!,
});

export function recomputeRaw(r: RawHistoryRow): Recomputed {
  let entry: HistoryEntry;
  try {
    entry = entryOfRaw(r);
  } catch (err) {
    return { error: (err as Error).message };
  }
  return recompute(entry);
}

/**
 * A batch's recomputation as a worker answers it: `confirmed[i]` is 1 where row i's stored hash is
 * the recomputed one (the usual case, answered without a string per row); `other` holds every
 * other row's recomputation — a different hash or why the content cannot be encoded.
 */
export interface CheckedRows {
  confirmed: Uint8Array<ArrayBuffer>;
  other: Record<number, Recomputed>;
}

export function checkRows(rows: readonly RawHistoryRow[]): CheckedRows {
  const confirmed = new Uint8Array(rows.length);
  const other: Record<number, Recomputed> = {};
  for (let i = 0; i < rows.length; i++) {
    const r = recomputeRaw(rows[i]);
    if ('hash' in r && r.hash === rows[i][12]) confirmed[i] = 1;
    else other[i] = r;
  }
  return { confirmed, other };
}

/** Row i's recomputation from a `checkRows` answer: what `recomputeRaw(rows[i])` answers. */
export const recomputedOf =
  (rows: readonly RawHistoryRow[], { confirmed, other }: CheckedRows) =>
  (i: number): Recomputed =>
    confirmed[i] === 1 ? { hash: rows[i][12]! } : other[i];
