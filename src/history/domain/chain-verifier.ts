import { byCodePoint, canonicalize } from './canonical-json';

/*
 * The rules of the tamper-evident history chain (docs/hash-chain.md § 1, 3, 4) without a hash
 * function of their own: the server hashes with node:crypto (hash-chain.ts), the console with
 * WebCrypto — both run this loop over the same canonical JSON, so they cannot disagree on a rule.
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

/** Picks exactly the content fields, so extra columns of an export never change the hash. */
export function entryContent(entry: HistoryEntryContent): HistoryEntryContent {
  return Object.fromEntries(CONTENT_FIELDS.map((k) => [k, entry[k]])) as unknown as HistoryEntryContent;
}

/** The content fields in canonical (code-point) order, each with its key as canonical JSON writes it. */
const CANONICAL_FIELDS = [...CONTENT_FIELDS].sort(byCodePoint).map((k) => [k, `${JSON.stringify(k)}:`] as const);

/**
 * `canonicalize(entryContent(content))`, byte for byte, without building the content object and
 * sorting its keys for every entry: verification runs this once per stored entry.
 */
export function canonicalContent(content: HistoryEntryContent): string {
  let out = '';
  for (const [field, key] of CANONICAL_FIELDS) {
    const value = content[field];
    if (value !== undefined) out += `${out === '' ? '{' : ','}${key}${canonicalize(value)}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

/** The text whose SHA-256 is an entry's hash: the previous hash followed by the canonical content. */
export function hashInput(prevHash: string, content: HistoryEntryContent): string {
  return prevHash + canonicalContent(content);
}

export type ChainVerification =
  | { valid: true; entries: number; headHash: string }
  | { valid: false; entries: number; firstBrokenSequence: number; reason: string };

/** What the verification loop needs of an entry whose hash was recomputed elsewhere (a worker thread). */
export type ChainLink = Pick<HistoryEntry, 'cooperationId' | 'sequence' | 'prevHash' | 'hash'>;

/** An entry's hash recomputed from its content and its own prevHash, or why the content cannot be encoded. */
export type Recomputed = { hash: string } | { error: string };

/** `sha256hex` of an entry's `hashInput`, or why its content cannot be encoded. */
export function recomputeWith(
  sha256hex: (text: string) => string,
  e: HistoryEntryContent & { prevHash: string },
): Recomputed {
  try {
    return { hash: sha256hex(hashInput(e.prevHash, e)) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/**
 * The one verification loop, fed one entry at a time so that a long history can be checked in
 * batches without holding it in memory: sequences 1, 2, 3… without gaps, all of one cooperation,
 * each prevHash the previous hash (GENESIS_HASH first), each hash recomputed from its content —
 * here (`push`) or beforehand, e.g. by worker threads (`pushLink` with `recompute`'s result).
 * `sha256hex` maps a `hashInput` to its lowercase hex SHA-256; it is synchronous, so a caller
 * with an asynchronous digest (WebCrypto) computes the digests first and looks them up here.
 */
export class DigestChainVerifier {
  private prev = GENESIS_HASH;
  private position = 0;
  private cooperationId?: string;
  private broken?: { firstBrokenSequence: number; reason: string };

  constructor(private readonly sha256hex: (text: string) => string) {}

  /** false once the chain is broken: later entries need not be read. */
  push(e: HistoryEntry): boolean {
    return this.pushLink(e, () => recomputeWith(this.sha256hex, e));
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
