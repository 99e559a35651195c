import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Client, Pool, PoolClient } from 'pg';
import { type Bind, type PgQueryable, rawRows } from '../../database/prepared';
import {
  type AllChainsVerification,
  AllChainsVerifier,
  type ChainVerification,
  type ChainLink,
  ChainVerifier,
  chainEntry,
  GENESIS_HASH,
  type HistoryEntry,
  type HistoryEntryContent,
  type Recomputed,
} from '../domain/hash-chain';
import { ChainHasher, type RecomputedBatch } from './chain-hasher';
import { entryOfRaw, linkOfRaw, type RawHistoryRow } from './raw-history-row';

/**
 * Runs one parameterized statement and answers its rows (`raw`: unparsed, one array per row). The
 * server's comes from a TypeORM DataSource or a transaction's EntityManager (`typeOrmQuery`);
 * scripts, the bench and test fixtures that run without Nest pass a `pg` client's (`pgQuery`).
 */
export type Query = (<R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>) & {
  raw: (sql: string, params: unknown[]) => Promise<RawHistoryRow[]>;
};

export const typeOrmQuery = (runner: DataSource | EntityManager): Query =>
  Object.assign(<R>(sql: string, params?: unknown[]) => runner.query<R[]>(sql, params), {
    raw: (sql: string, params: unknown[]) => rawRows(runner, sql, params),
  });

const asQuery = (source: DataSource | EntityManager | Query): Query =>
  typeof source === 'function' ? source : typeOrmQuery(source);

export const pgQuery = (client: Client | Pool | PoolClient): Query =>
  Object.assign(async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[], {
    raw: (sql: string, params: unknown[]) => rawRows(client as unknown as PgQueryable, sql, params),
  });

/** A `cooperation_history` row as `pg` returns it (timestamptz parsed to Date, jsonb to values). */
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

/** Every column of the row, in the order of the migration, the INSERT and the SELECTs. */
const HISTORY_COLUMNS = [
  'cooperation_id',
  'sequence',
  'event_type',
  'payload',
  'actor',
  'state_before',
  'state_after',
  'obligations',
  'recorded_at',
  'request_id',
  'idempotency_key',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof HistoryRow)[];

type Column = (typeof HISTORY_COLUMNS)[number];

const select = (columns: readonly Column[] = HISTORY_COLUMNS): string => columns.map((c) => `h.${c}`).join(', ');

/** The row exactly as docs/hash-chain.md specifies an entry (and an export line). */
function toEntry(r: HistoryRow): HistoryEntry {
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

/** A multi-row INSERT of entries with their hashes; `historyInsertParams` gives its parameters. */
export function insertHistorySql(rows: number): string {
  const n = HISTORY_COLUMNS.length;
  const values = Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: n }, (_, c) => `$${r * n + c + 1}`).join(', ')})`,
  );
  return `INSERT INTO cooperation_history (${HISTORY_COLUMNS.join(', ')}) VALUES ${values.join(', ')}`;
}

/** The parameters of one entry for `insertHistorySql`, in `HISTORY_COLUMNS` order. */
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

/** One entry's INSERT with its parameters bound by `bind`: a fragment of the caller's statement. */
export const insertEntrySql = (entry: HistoryEntry, bind: Bind): string =>
  `INSERT INTO cooperation_history (${HISTORY_COLUMNS.join(', ')}) VALUES (${historyInsertParams(entry).map(bind).join(', ')})`;

/** A chain's head: the last entry's sequence and hash (sequence 0 and GENESIS_HASH before the first). */
export interface ChainHead {
  sequence: number;
  hash: string;
}

/** The entry after `head`, hashed; the answer lists the fields in the order docs/hash-chain.md gives them. */
export function nextEntry(head: ChainHead, content: Omit<HistoryEntryContent, 'sequence'>): HistoryEntry {
  const { cooperationId, ...rest } = content;
  return chainEntry(head.hash, { cooperationId, sequence: head.sequence + 1, ...rest });
}

/** Batch size of verification: 5 000 entries ≈ a few MB of rows, 20 round trips per 100 000. */
export const VERIFY_STORED_BATCH = 5_000;

/** The audit feed's filters; `from`/`to` are ISO 8601 instants the caller has checked. */
export interface HistoryFeedFilter {
  from?: string;
  to?: string;
  /** Entries by this municipality's users or of cooperations it is a member of. */
  municipality?: string;
  cooperation?: string;
  type?: string;
  actor?: string;
}

/** The feed's sort key: recordedAt, cooperationId, sequence. */
export type FeedKey = [string, string, number];

/**
 * All SQL of `cooperation_history`, an append-only table (a trigger refuses UPDATE, DELETE and
 * TRUNCATE). Raw rows, no ORM hydration. Nest injects it with the DataSource; tools without Nest
 * construct it with a `Query`.
 */
@Injectable()
export class HistoryRepository {
  private readonly query: Query;

  constructor(@Inject(DataSource) source: DataSource | Query) {
    this.query = asQuery(source);
  }

  /**
   * Appends the next entry of the cooperation's chain within the caller's transaction `tx`, which
   * holds the cooperation's row lock (so the head cannot move).
   */
  async append(tx: EntityManager | Query, content: Omit<HistoryEntryContent, 'sequence'>): Promise<HistoryEntry> {
    const entry = nextEntry(await this.head(tx, content.cooperationId), content);
    await this.write(tx, entry);
    return entry;
  }

  /**
   * The chain's head read from the history itself, in the caller's transaction. Commands read it
   * from their locked cooperation row instead (`head_hash`); this is for rows without one.
   */
  async head(tx: EntityManager | Query, cooperationId: string): Promise<ChainHead> {
    const [head] = await asQuery(tx)<ChainHead>(
      'SELECT sequence, hash FROM cooperation_history WHERE cooperation_id = $1 ORDER BY sequence DESC LIMIT 1',
      [cooperationId],
    );
    return head ?? { sequence: 0, hash: GENESIS_HASH };
  }

  /** An entry already chained onto the head the caller holds the lock of, in its transaction `tx`. */
  async write(tx: EntityManager | Query, entry: HistoryEntry): Promise<void> {
    await asQuery(tx)(insertHistorySql(1), historyInsertParams(entry));
  }

  /** Entries already chained (bench seeds, test fixtures), one statement per call. */
  async insert(entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length > 0) await this.query(insertHistorySql(entries.length), entries.flatMap(historyInsertParams));
  }

  /**
   * One cooperation's entries after sequence `after`, in order; all of them without `limit`. The
   * history page's read: one named statement (the limit a parameter, `LIMIT NULL` is no limit),
   * rows as PostgreSQL sends them, parsed once into entries (`entryOfRaw`, as verification does).
   */
  async entries(cooperationId: string, after = 0, limit?: number): Promise<HistoryEntry[]> {
    const rows = await this.query.raw(
      `SELECT ${select()} FROM cooperation_history h WHERE h.cooperation_id = $1 AND h.sequence > $2
        ORDER BY h.sequence LIMIT $3`,
      [cooperationId, after, limit === undefined ? null : Math.trunc(limit)],
    );
    return rows.map(entryOfRaw);
  }

  /** The payloads and actors of one cooperation's entries of one event type, in order, in the caller's transaction. */
  async payloadsOf(
    tx: EntityManager | Query,
    cooperationId: string,
    eventType: string,
  ): Promise<Array<Pick<HistoryEntry, 'payload' | 'actor'>>> {
    return asQuery(tx)<Pick<HistoryEntry, 'payload' | 'actor'>>(
      `SELECT payload, actor FROM cooperation_history WHERE cooperation_id = $1 AND event_type = $2 ORDER BY sequence`,
      [cooperationId, eventType],
    );
  }

  /**
   * The audit feed: entries of every cooperation in (recordedAt, cooperationId, sequence) order
   * after `after`, one keyset query.
   */
  async feed(filter: HistoryFeedFilter, after: FeedKey | null, limit: number): Promise<HistoryEntry[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.from) where.push(`h.recorded_at >= ${p(filter.from)}::timestamptz`);
    if (filter.to) where.push(`h.recorded_at < ${p(filter.to)}::timestamptz`);
    if (filter.municipality) {
      const ags = p(filter.municipality);
      where.push(
        `(h.actor->>'municipality' = ${ags} OR EXISTS (SELECT 1 FROM cooperations c
           WHERE c.id = h.cooperation_id AND c.member_ags @> ARRAY[${ags}]::text[]))`,
      );
    }
    if (filter.cooperation) where.push(`h.cooperation_id = ${p(filter.cooperation)}::uuid`);
    if (filter.type) where.push(`h.event_type = ${p(filter.type)}`);
    if (filter.actor) where.push(`h.actor->>'sub' = ${p(filter.actor)}`);
    if (after) {
      where.push(
        `(h.recorded_at, h.cooperation_id, h.sequence) > (${p(after[0])}::timestamptz, ${p(after[1])}::uuid, ${p(after[2])}::integer)`,
      );
    }
    const rows = await this.query<HistoryRow>(
      `SELECT ${select()} FROM cooperation_history h
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY h.recorded_at, h.cooperation_id, h.sequence LIMIT ${Math.trunc(limit)}`,
      params,
    );
    return rows.map(toEntry);
  }

  /**
   * Every row of the history in chain order, (cooperation_id, sequence), `batch` at a time and only
   * `columns`: keyset queries, no cursor held between them (the embedded database has one
   * connection that others need too).
   */
  async *inChainOrder<C extends Column>(
    columns: readonly C[],
    batch: number,
  ): AsyncGenerator<Pick<HistoryRow, C | 'cooperation_id' | 'sequence'>[]> {
    const list = select([...new Set<Column>(['cooperation_id', 'sequence', ...columns])]);
    let after: [string, number] | null = null;
    for (;;) {
      const rows: Pick<HistoryRow, C | 'cooperation_id' | 'sequence'>[] = await this.query(
        after
          ? `SELECT ${list} FROM cooperation_history h WHERE (h.cooperation_id, h.sequence) > ($1::uuid, $2::integer)
              ORDER BY h.cooperation_id, h.sequence LIMIT ${Math.trunc(batch)}`
          : `SELECT ${list} FROM cooperation_history h ORDER BY h.cooperation_id, h.sequence LIMIT ${Math.trunc(batch)}`,
        after ?? [],
      );
      if (rows.length > 0) yield rows;
      if (rows.length < batch) return;
      const last = rows[rows.length - 1];
      after = [last.cooperation_id, last.sequence];
    }
  }

  /**
   * Verifies one cooperation's stored chain (the caller has checked it may see it). On a broken
   * chain `entries` is the chain's length.
   */
  async verify(cooperationId: string, batch = VERIFY_STORED_BATCH): Promise<ChainVerification> {
    const verifier = new ChainVerifier();
    const complete = await this.recomputed(this.rawBatches(cooperationId, batch), (link, r) =>
      verifier.pushLink(link, r),
    );
    if (complete) return verifier.result();
    const [{ n }] = await this.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cooperation_history WHERE cooperation_id = $1',
      [cooperationId],
    );
    return verifier.result(n);
  }

  /**
   * `GET /audit/verify`, `npm run audit:verify`, restore and checkpoint verification (which also
   * sees every link, in chain order: `visit`): every chain recomputed, batch by batch.
   */
  async verifyAll(batch = VERIFY_STORED_BATCH, visit?: (link: ChainLink) => unknown): Promise<AllChainsVerification> {
    const verifier = new AllChainsVerifier();
    await this.recomputed(this.rawBatches(null, batch), (link, r) => {
      verifier.pushLink(link, r);
      visit?.(link);
      return true;
    });
    return verifier.result();
  }

  /**
   * The one verification path: rows read in keyset batches (the next one requested before the
   * current one is handed on, so the database works meanwhile), their hashes recomputed by the
   * ChainHasher's worker threads — several batches at once — and fed in order to `push` with the
   * result. Stops when `push` answers false; answers whether every row was pushed.
   */
  private async recomputed(
    batches: AsyncGenerator<RawHistoryRow[]>,
    push: (link: ChainLink, recomputed: Recomputed) => boolean,
  ): Promise<boolean> {
    const hasher = ChainHasher.shared();
    const inFlight: Array<Promise<[RawHistoryRow[], RecomputedBatch]>> = [];
    const drain = async (): Promise<boolean> => {
      const [rows, recomputedAt] = await inFlight.shift()!;
      for (let i = 0; i < rows.length; i++) if (!push(linkOfRaw(rows[i]), recomputedAt(i))) return false;
      return true;
    };
    try {
      for await (const rows of batches) {
        inFlight.push(hasher.recompute(rows).then((hashes) => [rows, hashes]));
        if (inFlight.length > hasher.parallelism && !(await drain())) return false;
      }
      while (inFlight.length > 0) if (!(await drain())) return false;
      return true;
    } finally {
      for (const pending of inFlight) pending.catch(() => undefined);
    }
  }

  /**
   * One cooperation's rows (or every row, in chain order, with `cooperationId` null) as
   * PostgreSQL sends them, `batch` at a time: keyset queries, no cursor held between them (the
   * embedded database has one connection that others need too).
   */
  private async *rawBatches(cooperationId: string | null, batch: number): AsyncGenerator<RawHistoryRow[]> {
    const limit = Math.trunc(batch);
    const read = (after: RawHistoryRow | null): Promise<RawHistoryRow[]> =>
      cooperationId
        ? this.query.raw(
            `SELECT ${select()} FROM cooperation_history h WHERE h.cooperation_id = $1 AND h.sequence > $2
              ORDER BY h.sequence LIMIT ${limit}`,
            [cooperationId, after ? Number(after[1]) : 0],
          )
        : after
          ? this.query.raw(
              `SELECT ${select()} FROM cooperation_history h
                WHERE (h.cooperation_id, h.sequence) > ($1::uuid, $2::integer)
                ORDER BY h.cooperation_id, h.sequence LIMIT ${limit}`,
              [after[0], Number(after[1])],
            )
          : this.query.raw(
              `SELECT ${select()} FROM cooperation_history h ORDER BY h.cooperation_id, h.sequence LIMIT ${limit}`,
              [],
            );
    let pending: Promise<RawHistoryRow[]> | null = read(null);
    try {
      while (pending) {
        const rows: RawHistoryRow[] = await pending;
        pending = rows.length < limit ? null : read(rows[rows.length - 1]);
        if (rows.length > 0) yield rows;
      }
    } finally {
      pending?.catch(() => undefined);
    }
  }
}
