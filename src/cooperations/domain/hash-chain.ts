import { createHash } from 'node:crypto';

/*
 * The tamper-evident history chain. The encoding is specified in docs/hash-chain.md so that an
 * auditor can recompute it without this code; scripts/verify-chain.js is such a reimplementation.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface HistoryEntryContent {
  cooperationId: string;
  sequence: number;
  eventType: string;
  payload: unknown;
  actor: { sub: string; role: string; municipality: string | null };
  /** Null only for the opening entry. */
  stateBefore: string | null;
  stateAfter: string;
  obligations: unknown[];
  /** ISO 8601 UTC with milliseconds, e.g. 2026-03-02T08:00:00.000Z. */
  recordedAt: string;
  requestId: string | null;
  idempotencyKey: string | null;
}

export type HistoryEntry = HistoryEntryContent & { prevHash: string; hash: string };

/** The content fields, in no particular order (canonicalisation sorts them). */
export const CONTENT_FIELDS = [
  'cooperationId',
  'sequence',
  'eventType',
  'payload',
  'actor',
  'stateBefore',
  'stateAfter',
  'obligations',
  'recordedAt',
  'requestId',
  'idempotencyKey',
] as const satisfies readonly (keyof HistoryEntryContent)[];

/** Keys by Unicode code point, the spec's order: spreads both strings into code points. */
export const byCodePointReference = (a: string, b: string): number => {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

/**
 * The same order as `byCodePointReference`, without allocating: compares UTF-16 code units and
 * falls back to the reference only when the first differing unit of either string is a surrogate.
 * Otherwise the common prefix holds the same code points in both strings (a lead surrogate just
 * before the difference is unpaired in both), and two differing non-surrogate units are two BMP
 * code points whose order is their units' order. A proper prefix sorts first in both orders.
 */
export const byCodePoint = (a: string, b: string): number => {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return isSurrogate(x) || isSurrogate(y) ? byCodePointReference(a, b) : x - y;
  }
  return a.length - b.length;
};

/**
 * Canonical JSON: object keys sorted by Unicode code point, no whitespace, arrays in order,
 * properties whose value is `undefined` omitted, strings and numbers as JSON.stringify writes
 * them. Anything without one obvious JSON form (non-finite numbers, undefined in arrays,
 * bigint, functions, symbols, Dates and other class instances) throws.
 */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalize: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === undefined) throw new TypeError(`canonicalize: undefined at array index ${i}`);
      out += i === 0 ? canonicalize(v) : `,${canonicalize(v)}`;
    }
    return `${out}]`;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto === Object.prototype || proto === null) {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort(byCodePoint);
      let out = '{';
      for (const k of keys) {
        const v = record[k];
        if (v === undefined) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(k)}:${canonicalize(v)}`;
      }
      return `${out}}`;
    }
  }
  throw new TypeError(`canonicalize: unsupported value of type ${typeof value}`);
}

export function sha256hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Picks exactly the content fields, so extra columns of an export never change the hash. */
export function entryContent(entry: HistoryEntryContent): HistoryEntryContent {
  return Object.fromEntries(CONTENT_FIELDS.map((k) => [k, entry[k]])) as unknown as HistoryEntryContent;
}

export function hashEntry(prevHash: string, content: HistoryEntryContent): string {
  return sha256hex(prevHash + canonicalize(entryContent(content)));
}

/** Builds the next entry of a chain whose head is `prevHash` (GENESIS_HASH for the first). */
export function chainEntry(prevHash: string, content: HistoryEntryContent): HistoryEntry {
  return { ...content, prevHash, hash: hashEntry(prevHash, content) };
}

export type ChainVerification =
  | { valid: true; entries: number; headHash: string }
  | { valid: false; entries: number; firstBrokenSequence: number; reason: string };

/**
 * Verifies one cooperation's chain, ordered by sequence: sequences 1, 2, 3… without gaps, each
 * prevHash the previous hash (GENESIS_HASH first), each hash recomputed from its content.
 */
export function verifyChain(entries: readonly HistoryEntry[]): ChainVerification {
  let prev = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const broken = (reason: string): ChainVerification => ({
      valid: false,
      entries: entries.length,
      firstBrokenSequence: i + 1,
      reason,
    });
    if (e.sequence !== i + 1) return broken(`expected sequence ${i + 1}, found ${String(e.sequence)}`);
    if (e.cooperationId !== entries[0].cooperationId) return broken('entry belongs to another cooperation');
    if (e.prevHash !== prev) return broken('prevHash does not match the previous entry');
    let hash: string;
    try {
      hash = hashEntry(e.prevHash, e);
    } catch (err) {
      return broken(`content cannot be encoded: ${(err as Error).message}`);
    }
    if (hash !== e.hash) return broken('hash does not match the entry content');
    prev = e.hash;
  }
  return { valid: true, entries: entries.length, headHash: prev };
}
