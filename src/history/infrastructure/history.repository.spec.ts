import fc from 'fast-check';
import { chainEntry, GENESIS_HASH, type HistoryEntry, verifyChain } from '../domain/hash-chain';
import { HistoryRepository, type HistoryRow, type Query } from './history.repository';

const ID = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
const OTHER = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';

/** A chain of `n` entries, hashed by the domain's own function. */
function history(cooperationId: string, n: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (let sequence = 1; sequence <= n; sequence++) {
    entries.push(
      chainEntry(entries.at(-1)?.hash ?? GENESIS_HASH, {
        cooperationId,
        sequence,
        eventType: sequence === 1 ? 'OPEN_COOPERATION' : 'RECORD_NOTE',
        payload: { note: `Eintrag ${sequence} — «ö» ${'x'.repeat(sequence % 5)}` },
        actor: { sub: 'coord-heek', role: 'coordinator', municipality: '05554024' },
        stateBefore: sequence === 1 ? null : 'partnerSearch',
        stateAfter: 'partnerSearch',
        obligations: [],
        recordedAt: new Date(Date.UTC(2026, 0, 5, 8, 0, sequence)).toISOString(),
        requestId: null,
        idempotencyKey: sequence % 2 ? null : `7d3f0c1e-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
      }),
    );
  }
  return entries;
}

/** The statements the repository issues, answered from rows in memory as PostgreSQL would; counts round trips. */
function store(entries: HistoryEntry[]) {
  const rows: HistoryRow[] = entries.map((e) => ({
    cooperation_id: e.cooperationId,
    sequence: e.sequence,
    event_type: e.eventType,
    payload: e.payload,
    actor: e.actor,
    state_before: e.stateBefore,
    state_after: e.stateAfter,
    obligations: e.obligations,
    recorded_at: new Date(e.recordedAt),
    request_id: e.requestId,
    idempotency_key: e.idempotencyKey,
    prev_hash: e.prevHash,
    hash: e.hash,
  }));
  const calls: string[] = [];
  const chainOrder = (a: HistoryRow, b: HistoryRow) =>
    a.cooperation_id < b.cooperation_id ? -1 : a.cooperation_id > b.cooperation_id ? 1 : a.sequence - b.sequence;
  const objects = (sql: string, params: unknown[] = []) => {
    calls.push(sql);
    // Verification inlines its batch size; the page binds its limit as $3 (null: no limit).
    const inline = /LIMIT (\d+)/.exec(sql)?.[1];
    const limit = inline !== undefined ? Number(inline) : ((params[2] as number | null | undefined) ?? Infinity);
    if (sql.includes('h.cooperation_id = $1')) {
      const mine = rows.filter((r) => r.cooperation_id === params[0]);
      return Promise.resolve(
        mine
          .filter((r) => r.sequence > (params[1] as number))
          .sort(chainOrder)
          .slice(0, limit),
      );
    }
    if (sql.includes('count(*)')) {
      return Promise.resolve([{ n: rows.filter((r) => r.cooperation_id === params[0]).length }]);
    }
    const [id, sequence] = params as [string, number];
    const after = (r: HistoryRow) =>
      params.length === 0 || chainOrder(r, { cooperation_id: id, sequence } as HistoryRow) > 0;
    return Promise.resolve([...rows].sort(chainOrder).filter(after).slice(0, limit));
  };
  // As PostgreSQL sends them in text format: jsonb as JSON text, timestamptz in the ISO style with offset.
  const text = (v: unknown): string | null =>
    v === null
      ? null
      : v instanceof Date
        ? v.toISOString().replace('T', ' ').replace('Z', '+00')
        : typeof v === 'string'
          ? v
          : typeof v === 'number'
            ? String(v)
            : JSON.stringify(v);
  const raw = async (sql: string, params: unknown[]) =>
    ((await objects(sql, params)) as HistoryRow[]).map((r) => Object.values(r).map(text));
  const query = Object.assign(objects, { raw }) as unknown as Query;
  return { repository: new HistoryRepository(query), calls };
}

describe('HistoryRepository.entries (the history page)', () => {
  const chain = history(ID, 23);

  it('answers the entries after a sequence, up to the limit or all of them, parsed as they were written', async () => {
    const { repository, calls } = store([...chain, ...history(OTHER, 4)]);
    expect(await repository.entries(ID, 5, 3)).toEqual(chain.slice(5, 8));
    expect(await repository.entries(ID, 20, 50)).toEqual(chain.slice(20));
    expect(await repository.entries(ID)).toEqual(chain);
    expect(new Set(calls).size).toBe(1);
  });
});

describe('HistoryRepository.verify (batched chain reader)', () => {
  const chain = history(ID, 23);

  it('agrees with verifyChain on the intact chain, in batches of any size, one round trip per batch', async () => {
    for (const batch of [1, 2, 7, chain.length, 5_000]) {
      const { repository, calls } = store(chain);
      expect(await repository.verify(ID, batch)).toEqual(verifyChain(chain));
      expect(calls).toHaveLength(Math.floor(chain.length / batch) + 1);
    }
    expect(await store([]).repository.verify(ID)).toEqual(verifyChain([]));
  });

  it('agrees with verifyChain on tampered content and gaps, counting the whole chain (property)', async () => {
    const tamper = fc.oneof(
      fc.record({ kind: fc.constant('payload' as const), at: fc.nat(chain.length - 1), text: fc.string() }),
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat(chain.length - 1) }),
      fc.record({ kind: fc.constant('hash' as const), at: fc.nat(chain.length - 1) }),
    );
    await fc.assert(
      fc.asyncProperty(tamper, fc.integer({ min: 1, max: 9 }), async (t, batch) => {
        const entries = chain.map((e) => ({ ...e }));
        if (t.kind === 'payload') entries[t.at].payload = { tampered: t.text };
        if (t.kind === 'drop') entries.splice(t.at, 1);
        if (t.kind === 'hash') entries[t.at].hash = 'f'.repeat(64);
        expect(await store(entries).repository.verify(ID, batch)).toEqual(verifyChain(entries));
      }),
    );
  });
});

describe('HistoryRepository.verifyAll (every chain in chain order)', () => {
  it('checks each chain on its own across batch boundaries and names the broken ones', async () => {
    const intact = history(OTHER, 5);
    const tampered = history(ID, 8).map((e) => (e.sequence === 4 ? { ...e, payload: { forged: true } } : e));
    for (const batch of [1, 3, 13, 1_000]) {
      expect(await store([...tampered, ...intact]).repository.verifyAll(batch)).toEqual({
        valid: false,
        chains: 2,
        entries: 13,
        broken: [{ cooperationId: ID, ...verifyChain(tampered) }],
      });
      expect(await store(intact).repository.verifyAll(batch)).toEqual({
        valid: true,
        chains: 1,
        entries: 5,
        broken: [],
      });
    }
  });
});
