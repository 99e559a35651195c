import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { decide, OPEN_COOPERATION, openCooperation } from '../../cooperations/domain';
import { createHash } from 'node:crypto';
import {
  byCodePoint,
  byCodePointReference,
  canonicalContent,
  canonicalize,
  ChainVerifier,
  chainEntry,
  GENESIS_HASH,
  type HistoryEntry,
  type HistoryEntryContent,
  CONTENT_FIELDS,
  entryContent,
  hashEntry,
  hashInput,
  sha256hex,
  verifyChain,
} from './hash-chain';
import { buildingYardSteps, OPENING } from '../../../test/fixtures/building-yard.scenario';
import { accept } from '../../../test/fixtures/run-scenario';

/** The building-yard history as the adapter would record it. */
function buildingYardHistory(): HistoryEntry[] {
  const opened = openCooperation(OPENING.input, OPENING.actor, OPENING.at);
  if (!opened.ok) throw new Error('opening rejected');
  const actorOf = (a: { sub: string; role: string; municipality?: string }) => ({
    sub: a.sub,
    role: a.role,
    municipality: a.municipality ?? null,
  });
  const entries: HistoryEntry[] = [];
  const push = (content: Omit<HistoryEntryContent, 'sequence' | 'cooperationId'>) =>
    entries.push(
      chainEntry(entries.at(-1)?.hash ?? GENESIS_HASH, {
        cooperationId: OPENING.input.id,
        sequence: entries.length + 1,
        ...content,
      }),
    );
  push({
    eventType: OPEN_COOPERATION,
    payload: opened.input,
    actor: actorOf(OPENING.actor),
    stateBefore: null,
    stateAfter: opened.stateAfter,
    obligations: [],
    recordedAt: OPENING.at.toISOString(),
    requestId: 'req-0001',
    idempotencyKey: null,
  });
  let state = opened.state;
  buildingYardSteps().forEach((step, i) => {
    const d = accept(decide(state, step.event, step.actor, step.at), step);
    const { type, ...payload } = d.event;
    push({
      eventType: type,
      payload,
      actor: actorOf(step.actor),
      stateBefore: d.stateBefore,
      stateAfter: d.stateAfter,
      obligations: d.obligations,
      recordedAt: step.at.toISOString(),
      requestId: `req-${String(i + 2).padStart(4, '0')}`,
      idempotencyKey: i % 2 === 0 ? `7d3f0c1e-0000-4000-8000-${String(i).padStart(12, '0')}` : null,
    });
    state = d.state;
  });
  return entries;
}

describe('canonicalize', () => {
  it('sorts keys by code point, drops undefined members, keeps array order, no whitespace', () => {
    expect(canonicalize({ b: [1, { d: null, c: 'Schöppingen' }], a: 0.5, u: undefined })).toBe(
      '{"a":0.5,"b":[1,{"c":"Schöppingen","d":null}]}',
    );
    // U+FF5E sorts before U+1F600 by code point, though after it by UTF-16 code unit.
    expect(canonicalize({ '\u{1F600}': 1, '\uFF5E': 2 })).toBe('{"\uFF5E":2,"\u{1F600}":1}');
    expect(canonicalize({ Z: 1, a: 2, ä: 3 })).toBe('{"Z":1,"a":2,"ä":3}');
    expect(canonicalize(-0)).toBe('0');
    expect(canonicalize('Zeile\n"x"')).toBe('"Zeile\\n\\"x\\""');
  });

  it('rejects values without one JSON form', () => {
    for (const bad of [NaN, Infinity, [undefined], new Date(0), 1n, () => 1, Symbol('x'), undefined]) {
      expect(() => canonicalize(bad)).toThrow(TypeError);
    }
  });

  it('is independent of key insertion order (property)', () => {
    const shuffle = (v: unknown, seed: number): unknown => {
      if (Array.isArray(v)) return v.map((x) => shuffle(x, seed));
      if (v && typeof v === 'object') {
        const entries = Object.entries(v);
        const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]).reverse();
        return Object.fromEntries(rotated.map(([k, x]) => [k, shuffle(x, seed + 1)]));
      }
      return v;
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(50), (value, seed) => {
        expect(canonicalize(shuffle(value, seed))).toBe(canonicalize(value));
        expect(JSON.parse(canonicalize(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

/** canonicalize as it was before the fast key order (docs/performance.md, proposal 4): the reference. */
function canonicalizeReference(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalizeReference(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(byCodePointReference)
    .map((k) => `${JSON.stringify(k)}:${canonicalizeReference(record[k])}`)
    .join(',')}}`;
}

describe('key order: the allocation-free comparator agrees with the code-point reference', () => {
  const sign = (n: number) => Math.sign(n);
  /** Strings rich in the cases that differ between code-unit and code-point order. */
  const unit = fc.oneof(
    fc.constantFrom(0x41, 0x61, 0xe4, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xff5e, 0xffff),
    fc.integer({ min: 0, max: 0xffff }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  );
  const tricky = fc.array(unit, { maxLength: 6 }).map((units) => String.fromCharCode(...units));
  const anyString = fc.oneof(tricky, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());

  it('on pairs of random strings incl. paired and lone surrogates (property)', () => {
    fc.assert(
      fc.property(anyString, anyString, (a, b) => {
        expect(sign(byCodePoint(a, b))).toBe(sign(byCodePointReference(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on pairs sharing a prefix (property)', () => {
    fc.assert(
      fc.property(anyString, anyString, anyString, (p, a, b) => {
        expect(sign(byCodePoint(p + a, p + b))).toBe(sign(byCodePointReference(p + a, p + b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('sorts lists of keys identically (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyString, { maxLength: 30 }), (keys) => {
        expect([...keys].sort(byCodePoint)).toEqual([...keys].sort(byCodePointReference));
      }),
      { numRuns: 5_000 },
    );
  });

  it('canonicalize is byte-identical to the reference on random JSON with such keys (property)', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(anyString, tie('value'), { maxKeys: 6 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalize(value)).toBe(canonicalizeReference(value));
      }),
      { numRuns: 5_000 },
    );
  });

  it('known cases: U+FF5E before U+1F600, lone surrogates by their value, prefixes first', () => {
    expect(byCodePoint('\uFF5E', '\u{1F600}')).toBeLessThan(0);
    expect(byCodePoint('\uD800', '\uE000')).toBeLessThan(0);
    expect(byCodePoint('\uDC00', '\uD800\uDC00')).toBeLessThan(0);
    expect(byCodePoint('a\uD800', 'a\uD800\uDC00')).toBeLessThan(0);
    expect(byCodePoint('ab', 'ab')).toBe(0);
  });
});

describe('the hash input, as verification computes it', () => {
  it('canonicalContent is byte-identical to canonicalizing the picked content fields (property)', () => {
    const field = fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined });
    const content = fc.record(Object.fromEntries(CONTENT_FIELDS.map((k) => [k, field])), { requiredKeys: [] });
    const extra = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
    fc.assert(
      fc.property(content, extra, (c, more) => {
        const entry = { ...more, ...c } as unknown as HistoryEntryContent;
        expect(canonicalContent(entry)).toBe(canonicalize(entryContent(entry)));
        expect(hashInput('ab', entry)).toBe(`ab${canonicalize(entryContent(entry))}`);
      }),
      { numRuns: 3_000 },
    );
    for (const e of buildingYardHistory()) expect(canonicalContent(e)).toBe(canonicalize(entryContent(e)));
  });

  it('sha256hex is the SHA-256 of the UTF-8 bytes in lowercase hex (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(sha256hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('hash chain', () => {
  const history = buildingYardHistory();

  it('hashes sha256(prevHash + canonical content) and verifies the whole history', () => {
    const { prevHash, hash, ...content } = history[0];
    expect(prevHash).toBe(GENESIS_HASH);
    expect(hash).toBe(hashEntry(GENESIS_HASH, content));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(history)).toEqual({
      valid: true,
      entries: history.length,
      headHash: history.at(-1)!.hash,
    });
    expect(verifyChain([])).toEqual({ valid: true, entries: 0, headHash: GENESIS_HASH });
  });

  it('detects tampering with any entry at that sequence (property)', () => {
    const tamperings: Array<(e: HistoryEntry) => HistoryEntry> = [
      (e) => ({ ...e, payload: { ...(e.payload as object), forged: true } }),
      (e) => ({ ...e, recordedAt: '2030-01-01T00:00:00.000Z' }),
      (e) => ({ ...e, actor: { ...e.actor, sub: 'mallory' } }),
      (e) => ({ ...e, stateAfter: 'active' === e.stateAfter ? 'contract' : 'active' }),
      (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) }),
      (e) => ({ ...e, requestId: null, idempotencyKey: 'x' }),
    ];
    fc.assert(
      fc.property(fc.nat(history.length - 1), fc.nat(tamperings.length - 1), (index, t) => {
        const tampered = history.map((e, i) => (i === index ? tamperings[t](e) : e));
        expect(verifyChain(tampered)).toMatchObject({
          valid: false,
          firstBrokenSequence: index + 1,
        });
      }),
    );
  });

  it('detects removed, reordered and foreign entries', () => {
    expect(verifyChain(history.filter((_, i) => i !== 3))).toMatchObject({
      valid: false,
      firstBrokenSequence: 4,
    });
    const swapped = [...history];
    [swapped[5], swapped[6]] = [swapped[6], swapped[5]];
    expect(verifyChain(swapped)).toMatchObject({ valid: false, firstBrokenSequence: 6 });
    // A re-hashed forgery still breaks the link to the next entry.
    const forged = { ...history[9], payload: { version: 2 } };
    const rehashed = history.map((e, i) => (i === 9 ? { ...forged, hash: hashEntry(forged.prevHash, forged) } : e));
    expect(verifyChain(rehashed)).toMatchObject({ valid: false, firstBrokenSequence: 11 });
  });

  describe('scripts/verify-chain.js agrees with verifyChain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikz-chain-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const script = join(__dirname, '../../../scripts/verify-chain.js');
    const run = (entries: HistoryEntry[], viaStdin = false) => {
      const ndjson = entries.map((e) => JSON.stringify({ id: 'extra-column', ...e })).join('\n') + '\n';
      const file = join(dir, `export-${Math.random().toString(36).slice(2)}.ndjson`);
      writeFileSync(file, ndjson);
      try {
        const out = viaStdin
          ? execFileSync(process.execPath, [script], { input: ndjson, encoding: 'utf8' })
          : execFileSync(process.execPath, [script, file], { encoding: 'utf8' });
        return { code: 0, result: JSON.parse(out) };
      } catch (err) {
        const e = err as { status: number; stdout: string };
        return { code: e.status, result: JSON.parse(e.stdout) };
      }
    };

    it('on an intact export (file and stdin)', () => {
      for (const viaStdin of [false, true]) {
        const { code, result } = run(history, viaStdin);
        expect(code).toBe(0);
        expect(result).toEqual(verifyChain(history));
      }
    });

    it('on a tampered export', () => {
      const tampered = history.map((e, i) =>
        i === 12 ? { ...e, payload: { ...(e.payload as object), version: 2 } } : e,
      );
      const { code, result } = run(tampered);
      expect(code).toBe(1);
      expect(result).toEqual(verifyChain(tampered));
      expect(result).toMatchObject({ valid: false, firstBrokenSequence: 13 });
    });
  });
});

describe('ChainVerifier, the loop fed one entry at a time', () => {
  const chain = buildingYardHistory();

  /** What each push answered, and the result counted over all entries. */
  const streamed = (entries: HistoryEntry[]) => {
    const v = new ChainVerifier();
    const pushed = entries.map((e) => v.push(e));
    return { pushed, result: v.result(entries.length) };
  };

  it('accepts every entry of an intact chain and an empty one', () => {
    expect(streamed(chain)).toEqual({ pushed: chain.map(() => true), result: verifyChain(chain) });
    expect(streamed([])).toEqual({ pushed: [], result: verifyChain([]) });
  });

  it('refuses every entry from the first broken one on, whatever the tampering (property)', () => {
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
        const { pushed, result } = streamed(entries);
        expect(result).toEqual(verifyChain(entries));
        const broken = result.valid ? entries.length : result.firstBrokenSequence - 1;
        expect(pushed).toEqual(entries.map((_, i) => i < broken));
      }),
    );
  });
});
