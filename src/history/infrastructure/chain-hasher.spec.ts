import { chainEntry, GENESIS_HASH } from '../domain/hash-chain';
import { historyInsertParams } from './history.repository';
import { ChainHasher, type RecomputedBatch } from './chain-hasher';
import { type RawHistoryRow, recomputeRaw } from './raw-history-row';

/** Rows as PostgreSQL sends them in text format. */
function rows(n: number): RawHistoryRow[] {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const entry = chainEntry(prev, {
      cooperationId: '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
      sequence: i + 1,
      eventType: 'RECORD_NOTE',
      payload: { note: `Eintrag ${i} «ö» 😀`, n: i },
      actor: { sub: 'coord-heek', role: 'coordinator', municipality: '05554024' },
      stateBefore: 'partnerSearch',
      stateAfter: 'partnerSearch',
      obligations: [],
      recordedAt: new Date(Date.UTC(2026, 0, 5, 8, 0, i, 123)).toISOString(),
      requestId: null,
      idempotencyKey: null,
    });
    prev = entry.hash;
    return historyInsertParams(entry).map((v, c) => {
      if (v === null) return null;
      const text = typeof v === 'number' ? String(v) : (v as string);
      return c === 8 ? text.replace('T', ' ').replace('Z', '+00') : text;
    });
  });
}

describe('ChainHasher', () => {
  it('recomputes in worker threads exactly what the calling thread computes, errors included', async () => {
    const batch = rows(300);
    batch[7][3] = '{"note": "verändert"}';
    batch[9][4] = '{not json';
    const hasher = ChainHasher.shared();
    const results = await Promise.all([hasher.recompute(batch), hasher.recompute(batch.slice(100))]);
    expect(hasher.threaded).toBe(true);
    const all = (recomputed: RecomputedBatch, n: number) => Array.from({ length: n }, (_, i) => recomputed(i));
    expect(all(results[0], 300)).toEqual(batch.map(recomputeRaw));
    expect(all(results[1], 200)).toEqual(batch.slice(100).map(recomputeRaw));
    expect(results[0](0)).toEqual({ hash: batch[0][12] });
    expect(results[0](7)).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) as string });
    expect(results[0](7)).not.toEqual({ hash: batch[7][12] });
    expect(results[0](9)).toMatchObject({ error: expect.stringMatching(/JSON/) as string });
  });
});
