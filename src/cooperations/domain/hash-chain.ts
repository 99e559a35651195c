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

const byCodePoint = (a: string, b: string): number => {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
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
  if (Array.isArray(value))
    return `[${value
      .map((v, i) => {
        if (v === undefined) throw new TypeError(`canonicalize: undefined at array index ${i}`);
        return canonicalize(v);
      })
      .join(',')}]`;
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort(byCodePoint)
      .map((k) => `${JSON.stringify(k)}:${canonicalize(record[k])}`)
      .join(',')}}`;
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
