import type { ChainVerification } from '../cooperations/domain';
import { ChainVerifier, type HistoryRow, toEntry } from '../cooperations/persistence/chain-verifier';

export const HISTORY_COLUMNS =
  'h.cooperation_id, h.sequence, h.event_type, h.payload, h.actor, h.state_before, h.state_after, ' +
  'h.obligations, h.recorded_at, h.request_id, h.idempotency_key, h.prev_hash, h.hash';

/** Runs one parameterized statement: a TypeORM DataSource's or a `pg` client's `query`. */
export type Query = <R>(sql: string, params: unknown[]) => Promise<R[]>;

/**
 * Every row of the history in (cooperation_id, sequence) order, `batch` at a time: keyset queries,
 * no cursor held between them (the embedded database has one connection others need too).
 */
export async function* historyInChainOrder(query: Query, columns: string, batch: number): AsyncGenerator<HistoryRow[]> {
  let after: [string, number] | null = null;
  for (;;) {
    const rows: HistoryRow[] = await query<HistoryRow>(
      after
        ? `SELECT ${columns} FROM cooperation_history h WHERE (h.cooperation_id, h.sequence) > ($1::uuid, $2::integer)
            ORDER BY h.cooperation_id, h.sequence LIMIT ${batch}`
        : `SELECT ${columns} FROM cooperation_history h ORDER BY h.cooperation_id, h.sequence LIMIT ${batch}`,
      after ?? [],
    );
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = [last.cooperation_id, last.sequence];
  }
}

export type BrokenChain = Extract<ChainVerification, { valid: false }> & { cooperationId: string };

export interface AllChainsVerification {
  valid: boolean;
  chains: number;
  entries: number;
  broken: BrokenChain[];
}

/** `GET /audit/verify` and `npm run audit:verify`: every chain recomputed, batch by batch. */
export async function verifyAllChains(query: Query, batch = 1_000): Promise<AllChainsVerification> {
  const result: AllChainsVerification = { valid: true, chains: 0, entries: 0, broken: [] };
  let current = null as { id: string; verifier: ChainVerifier; count: number } | null;
  const finish = () => {
    if (!current) return;
    const r = current.verifier.result(current.count);
    if (!r.valid) result.broken.push({ cooperationId: current.id, ...r });
  };
  for await (const rows of historyInChainOrder(query, HISTORY_COLUMNS, batch)) {
    for (const row of rows) {
      if (current?.id !== row.cooperation_id) {
        finish();
        current = { id: row.cooperation_id, verifier: new ChainVerifier(), count: 0 };
        result.chains++;
      }
      current.count++;
      result.entries++;
      current.verifier.push(toEntry(row));
    }
  }
  finish();
  result.valid = result.broken.length === 0;
  return result;
}
