import fc from 'fast-check';
import { chainEntry, GENESIS_HASH, type HistoryEntry, verifyChain } from '../../src/history';
import { verifyInBrowser } from '../../src/console/audit/browser-verification';

/** A chain of `n` entries with arbitrary JSON payloads, hashed by the server's code. */
function chain(payloads: unknown[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  payloads.forEach((payload, i) =>
    entries.push(
      chainEntry(entries.at(-1)?.hash ?? GENESIS_HASH, {
        cooperationId: '6f1c7a52-0000-4000-8000-000000000001',
        sequence: i + 1,
        eventType: i === 0 ? 'OPEN_COOPERATION' : 'RAISE_CONFLICT',
        payload,
        actor: { sub: 'coord-heek', role: 'coordinator', municipality: '05554024' },
        stateBefore: i === 0 ? null : 'partnerSearch',
        stateAfter: 'partnerSearch',
        obligations: [{ id: 'OBL-PARTNERS-MIN', met: i % 2 === 0, missing: [] }],
        recordedAt: new Date(Date.UTC(2026, 0, 12, 8, 0, i)).toISOString(),
        requestId: null,
        idempotencyKey: null,
      }),
    ),
  );
  return entries;
}

/**
 * The console's own verification (WebCrypto, src/console/audit/browser-verification.ts) gives the
 * server's result for every chain, intact or tampered with — the auditor's page relies on it. Node
 * has the same WebCrypto API as the browser (globalThis.crypto.subtle).
 */
describe('verifyInBrowser', () => {
  const tamper = fc.oneof(
    fc.record({ kind: fc.constant('payload' as const), at: fc.nat(), value: fc.jsonValue() }),
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('hash' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('none' as const) }),
  );

  it('agrees with the server on intact and tampered chains (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 8 }), tamper, async (payloads, t) => {
        const entries = chain(payloads);
        const i = 'at' in t ? t.at % entries.length : 0;
        if (t.kind === 'payload') entries[i] = { ...entries[i], payload: { changed: t.value } };
        if (t.kind === 'drop') entries.splice(i, 1);
        if (t.kind === 'swap' && i + 1 < entries.length) [entries[i], entries[i + 1]] = [entries[i + 1], entries[i]];
        if (t.kind === 'hash') entries[i] = { ...entries[i], hash: GENESIS_HASH };
        expect(await verifyInBrowser(entries)).toEqual(verifyChain(entries));
      }),
      { numRuns: 150 },
    );
  });

  it('finds the altered entry of a long chain, as the server does', async () => {
    const entries = chain(Array.from({ length: 40 }, (_, i) => ({ n: i, text: 'Schöppingen – ß € \u2028' })));
    expect(await verifyInBrowser(entries)).toEqual({ valid: true, entries: 40, headHash: entries[39].hash });
    entries[16] = { ...entries[16], payload: { n: 16, text: 'geändert' } };
    expect(await verifyInBrowser(entries)).toEqual({
      valid: false,
      entries: 40,
      firstBrokenSequence: 17,
      reason: 'hash does not match the entry content',
    });
  });
});
