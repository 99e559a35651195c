import { Injectable } from '@nestjs/common';
import { createPublicKey } from 'node:crypto';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { HistoryRepository } from '../../history';
import { type CheckpointDocument, checkDocument, type Divergence, HeadComparator, keyIdOf } from '../domain/checkpoint';
import { CheckpointRepository, type CheckpointSummary } from '../infrastructure/checkpoint.repository';
import { CheckpointNotFound } from './audit.errors';
import { AuditKey } from './audit-key';

export interface CheckpointVerification {
  valid: boolean;
  checkpoint: string;
  /** Why the checkpoint itself is not valid. */
  documentError: string | null;
  cooperations: number;
  divergences: Divergence[];
}

/** Lists, reads and checks signed checkpoints against the stored history. */
@Injectable()
export class ReadCheckpointsQuery {
  constructor(
    private readonly checkpoints: CheckpointRepository,
    private readonly history: HistoryRepository,
    private readonly key: AuditKey,
  ) {}

  async list(q: { limit: number; cursor?: string }): Promise<Page<CheckpointSummary>> {
    let after: { createdAt: string; id: string } | null = null;
    if (q.cursor) {
      const [createdAt, id] = decodeCursor(q.cursor, ['instant', 'uuid']);
      after = { createdAt, id };
    }
    const rows = await this.checkpoints.list(after, q.limit + 1);
    return toPage(
      rows,
      q.limit,
      (r) => [r.createdAt, r.id],
      (r) => r,
    );
  }

  async get(id: string): Promise<CheckpointDocument> {
    const document = await this.checkpoints.find(id);
    if (!document) throw new CheckpointNotFound(id);
    return document;
  }

  /**
   * The stored history against a checkpoint: the signature and root hash first, then every
   * cooperation's entries up to its signed head — the first entry that differs is named.
   */
  async verify(id: string): Promise<CheckpointVerification> {
    const document = await this.get(id);
    const own = this.key.publicKey;
    const key = document.keyId === keyIdOf(own) ? own : createPublicKey(document.publicKey);
    const documentError = checkDocument(document, key);
    const result: CheckpointVerification = {
      valid: false,
      checkpoint: id,
      documentError,
      cooperations: document.heads.length,
      divergences: [],
    };
    if (documentError) return result;
    const comparators = new Map(document.heads.map((h) => [h.cooperationId, new HeadComparator(h)]));
    // The one verification path: every chain recomputed as /audit/verify does, its links compared on the way.
    const chains = await this.history.verifyAll(undefined, (link) =>
      comparators.get(link.cooperationId)?.push(link.sequence, link.hash),
    );
    const broken = new Map(chains.broken.map((b) => [b.cooperationId, b]));
    result.divergences = [...comparators.entries()].flatMap(([cooperationId, comparator]): Divergence[] => {
      const divergence = comparator.result();
      if (divergence) return [divergence];
      const chain = broken.get(cooperationId);
      return chain ? [{ cooperationId, sequence: chain.firstBrokenSequence, reason: chain.reason }] : [];
    });
    result.valid = result.divergences.length === 0;
    return result;
  }
}
