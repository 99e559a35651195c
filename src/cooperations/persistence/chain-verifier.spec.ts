import fc from 'fast-check';
import {
  chainEntry,
  decide,
  GENESIS_HASH,
  type HistoryEntry,
  OPEN_COOPERATION,
  openCooperation,
  verifyChain,
} from '../domain';
import { buildingYardSteps, OPENING } from '../domain/testing/building-yard.scenario';
import { type ChainQuery, ChainVerifier, verifyStoredChain } from './chain-verifier';

function history(): HistoryEntry[] {
  const opened = openCooperation(OPENING.input, OPENING.actor, OPENING.at);
  if (!opened.ok) throw new Error('opening rejected');
  const entries: HistoryEntry[] = [];
  const push = (eventType: string, payload: unknown, before: string | null, after: string, at: Date) =>
    entries.push(
      chainEntry(entries.at(-1)?.hash ?? GENESIS_HASH, {
        cooperationId: OPENING.input.id,
        sequence: entries.length + 1,
        eventType,
        payload,
        actor: { sub: 'coord-heek', role: 'coordinator', municipality: '05554024' },
        stateBefore: before,
        stateAfter: after,
        obligations: [],
        recordedAt: at.toISOString(),
        requestId: null,
        idempotencyKey: null,
      }),
    );
  push(OPEN_COOPERATION, opened.input, null, opened.stateAfter, OPENING.at);
  let state = opened.state;
  for (const step of buildingYardSteps()) {
    const d = decide(state, step.event, step.actor, step.at);
    if (!d.ok) throw new Error(step.name);
    const { type, ...payload } = d.event;
    push(type, payload, d.stateBefore, d.stateAfter, step.at);
    state = d.state;
  }
  return entries;
}

const streamed = (entries: HistoryEntry[]) => {
  const v = new ChainVerifier();
  for (const e of entries) if (!v.push(e)) break;
  return v.result(entries.length);
};

describe('ChainVerifier', () => {
  const chain = history();

  it('agrees with verifyChain on an intact chain and an empty one', () => {
    expect(streamed(chain)).toEqual(verifyChain(chain));
    expect(streamed([])).toEqual(verifyChain([]));
  });

  it('agrees with verifyChain on every kind of tampering', () => {
    const tamper = fc.oneof(
      fc.record({ kind: fc.constant('payload' as const), at: fc.nat(chain.length - 1), text: fc.string() }),
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat(chain.length - 1) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(chain.length - 2) }),
      fc.record({ kind: fc.constant('sequence' as const), at: fc.nat(chain.length - 1), to: fc.integer() }),
      fc.record({ kind: fc.constant('cooperation' as const), at: fc.nat(chain.length - 1), to: fc.uuid() }),
    );
    fc.assert(
      fc.property(tamper, (t) => {
        const entries = chain.map((e) => ({ ...e }));
        if (t.kind === 'payload') entries[t.at].payload = { tampered: t.text };
        if (t.kind === 'drop') entries.splice(t.at, 1);
        if (t.kind === 'swap') [entries[t.at], entries[t.at + 1]] = [entries[t.at + 1], entries[t.at]];
        if (t.kind === 'sequence') entries[t.at].sequence = t.to;
        if (t.kind === 'cooperation') entries[t.at].cooperationId = t.to;
        expect(streamed(entries)).toEqual(verifyChain(entries));
      }),
    );
  });
});

describe('verifyStoredChain', () => {
  const chain = history();
  const id = OPENING.input.id;

  /** The two statements it issues, answered from rows in memory as PostgreSQL would; counts round trips. */
  const store = (entries: HistoryEntry[]) => {
    const rows = entries.map((e) => ({
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
    const query: ChainQuery = (sql, params) => {
      calls.push(sql);
      const mine = rows.filter((r) => r.cooperation_id === params[0]);
      if (sql.includes('count(*)')) return Promise.resolve([{ n: mine.length }]);
      const limit = Number(/LIMIT (\d+)/.exec(sql)![1]);
      return Promise.resolve(
        mine
          .filter((r) => r.sequence > (params[1] as number))
          .sort((a, b) => a.sequence - b.sequence)
          .slice(0, limit),
      );
    };
    return { query, calls };
  };

  it('agrees with verifyChain on the intact chain, in batches of any size, one round trip per batch', async () => {
    for (const batch of [1, 2, 7, chain.length, 5_000]) {
      const { query, calls } = store(chain);
      expect(await verifyStoredChain(query, id, batch)).toEqual(verifyChain(chain));
      expect(calls).toHaveLength(Math.floor(chain.length / batch) + 1);
    }
    expect(await verifyStoredChain(store([]).query, id)).toEqual(verifyChain([]));
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
        expect(await verifyStoredChain(store(entries).query, id, batch)).toEqual(verifyChain(entries));
      }),
    );
  });
});
