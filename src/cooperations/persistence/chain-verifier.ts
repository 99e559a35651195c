import { type ChainVerification, GENESIS_HASH, type HistoryEntry, hashEntry } from '../domain';

/**
 * The domain's `verifyChain` fed one entry at a time, so a long history can be checked in
 * batches without holding it in memory. Same checks, same order, same reasons; its spec keeps
 * the two in agreement.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private position = 0;
  private cooperationId?: string;
  private broken?: { firstBrokenSequence: number; reason: string };

  /** false once the chain is broken: later entries need not be read. */
  push(e: HistoryEntry): boolean {
    if (this.broken) return false;
    const i = ++this.position;
    this.cooperationId ??= e.cooperationId;
    const reason = this.check(e, i);
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

  private check(e: HistoryEntry, i: number): string | null {
    if (e.sequence !== i) return `expected sequence ${i}, found ${String(e.sequence)}`;
    if (e.cooperationId !== this.cooperationId) return 'entry belongs to another cooperation';
    if (e.prevHash !== this.prev) return 'prevHash does not match the previous entry';
    let hash: string;
    try {
      hash = hashEntry(e.prevHash, e);
    } catch (err) {
      return `content cannot be encoded: ${(err as Error).message}`;
    }
    return hash === e.hash ? null : 'hash does not match the entry content';
  }
}
