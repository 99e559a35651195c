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

/** What the verification loop needs of an entry whose hash was recomputed elsewhere (a worker thread). */
export type ChainLink = Pick<HistoryEntry, 'cooperationId' | 'sequence' | 'prevHash' | 'hash'>;

/** An entry's hash recomputed from its content and its own prevHash, or why the content cannot be encoded. */
export type Recomputed = { hash: string } | { error: string };

export function recompute(e: HistoryEntryContent & { prevHash: string }): Recomputed {
  try {
    return { hash: hashEntry(e.prevHash, e) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/**
 * The one verification loop, fed one entry at a time so that a long history can be checked in
 * batches without holding it in memory: sequences 1, 2, 3… without gaps, all of one cooperation,
 * each prevHash the previous hash (GENESIS_HASH first), each hash recomputed from its content —
 * here (`push`) or beforehand, e.g. by worker threads (`pushLink` with `recompute`'s result).
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private position = 0;
  private cooperationId?: string;
  private broken?: { firstBrokenSequence: number; reason: string };

  /** false once the chain is broken: later entries need not be read. */
  push(e: HistoryEntry): boolean {
    return this.pushLink(e, () => recompute(e));
  }

  /** `push` with the entry's hash recomputed already (or recomputed on demand). */
  pushLink(e: ChainLink, recomputed: Recomputed | (() => Recomputed)): boolean {
    if (this.broken) return false;
    const i = ++this.position;
    this.cooperationId ??= e.cooperationId;
    const reason = this.check(e, i, recomputed);
    if (reason) {
      this.broken = { firstBrokenSequence: i, reason };
      return false;
    }
    this.prev = e.hash;
    return true;
  }

  /** `entries` is the number of entries of the chain, counted by the caller when it stopped early. */
  result(entries = this.position): ChainVerification {
    return this.broken ? { valid: false, entries, ...this.broken } : { valid: true, entries, headHash: this.prev };
  }

  private check(e: ChainLink, i: number, recomputed: Recomputed | (() => Recomputed)): string | null {
    if (e.sequence !== i) return `expected sequence ${i}, found ${String(e.sequence)}`;
    if (e.cooperationId !== this.cooperationId) return 'entry belongs to another cooperation';
    if (e.prevHash !== this.prev) return 'prevHash does not match the previous entry';
    const r = typeof recomputed === 'function' ? recomputed() : recomputed;
    if ('error' in r) return `content cannot be encoded: ${r.error}`;
    return r.hash === e.hash ? null : 'hash does not match the entry content';
  }
}

/** Verifies one cooperation's chain held in memory, ordered by sequence. */
export function verifyChain(entries: readonly HistoryEntry[]): ChainVerification {
  const verifier = new ChainVerifier();
  for (const e of entries) if (!verifier.push(e)) break;
  return verifier.result(entries.length);
}

export type BrokenChain = Extract<ChainVerification, { valid: false }> & { cooperationId: string };

export interface AllChainsVerification {
  valid: boolean;
  chains: number;
  entries: number;
  broken: BrokenChain[];
}

/**
 * Every chain of a history read in (cooperationId, sequence) order, each checked on its own by a
 * `ChainVerifier`; a broken chain counts all its entries.
 */
export class AllChainsVerifier {
  private readonly totals = { chains: 0, entries: 0 };
  private readonly broken: BrokenChain[] = [];
  private current: { id: string; verifier: ChainVerifier; count: number } | null = null;

  push(e: HistoryEntry): void {
    this.pushLink(e, () => recompute(e));
  }

  pushLink(e: ChainLink, recomputed: Recomputed | (() => Recomputed)): void {
    if (this.current?.id !== e.cooperationId) {
      this.finish();
      this.current = { id: e.cooperationId, verifier: new ChainVerifier(), count: 0 };
      this.totals.chains++;
    }
    this.current.count++;
    this.totals.entries++;
    this.current.verifier.pushLink(e, recomputed);
  }

  result(): AllChainsVerification {
    this.finish();
    return { valid: this.broken.length === 0, ...this.totals, broken: [...this.broken] };
  }

  private finish(): void {
    if (!this.current) return;
    const r = this.current.verifier.result(this.current.count);
    if (!r.valid) this.broken.push({ cooperationId: this.current.id, ...r });
    this.current = null;
  }
}
