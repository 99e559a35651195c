import { hash } from 'node:crypto';
import {
  type ChainLink,
  type ChainVerification,
  DigestChainVerifier,
  type HistoryEntry,
  type HistoryEntryContent,
  hashInput,
  type Recomputed,
  recomputeWith,
} from './chain-verifier';

/*
 * The tamper-evident history chain. The encoding is specified in docs/hash-chain.md so that an
 * auditor can recompute it without this code; scripts/verify-chain.js is such a reimplementation.
 * The canonical JSON and the verification rules live in files without Node built-ins, which the
 * console bundles to verify a chain in the browser.
 */

export { byCodePoint, byCodePointReference, canonicalize } from './canonical-json';
export {
  canonicalContent,
  type ChainLink,
  type ChainVerification,
  CONTENT_FIELDS,
  entryContent,
  GENESIS_HASH,
  type HistoryEntry,
  type HistoryEntryContent,
  hashInput,
  type Recomputed,
} from './chain-verifier';

/** SHA-256 of the text's UTF-8 bytes, lowercase hex (one-shot: no Hash object per entry). */
export function sha256hex(text: string): string {
  return hash('sha256', text, 'hex');
}

export function hashEntry(prevHash: string, content: HistoryEntryContent): string {
  return sha256hex(hashInput(prevHash, content));
}
/** Builds the next entry of a chain whose head is `prevHash` (GENESIS_HASH for the first). */
export function chainEntry(prevHash: string, content: HistoryEntryContent): HistoryEntry {
  return { ...content, prevHash, hash: hashEntry(prevHash, content) };
}

/** An entry's hash recomputed with Node's SHA-256 (worker threads run this). */
export function recompute(e: HistoryEntryContent & { prevHash: string }): Recomputed {
  return recomputeWith(sha256hex, e);
}

/** The verification loop (chain-verifier.ts) with Node's SHA-256. */
export class ChainVerifier extends DigestChainVerifier {
  constructor() {
    super(sha256hex);
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
