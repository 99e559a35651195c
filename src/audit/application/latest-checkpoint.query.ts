import { Injectable } from '@nestjs/common';
import { CheckpointRepository } from '../infrastructure/checkpoint.repository';

/** A cooperation's head as the newest signed checkpoint that covers it recorded it. */
export interface SignedHead {
  checkpointId: string;
  createdAt: string;
  rootHash: string;
  keyId: string;
  algorithm: 'Ed25519';
  signature: string;
  sequence: number;
  hash: string;
}

/** What other contexts (the status report) may learn of the checkpoints: the latest signed head. */
@Injectable()
export class LatestCheckpointQuery {
  constructor(private readonly checkpoints: CheckpointRepository) {}

  async of(cooperationId: string): Promise<SignedHead | null> {
    const document = await this.checkpoints.latestWith(cooperationId);
    const head = document?.heads.find((h) => h.cooperationId === cooperationId);
    if (!document || !head) return null;
    return {
      checkpointId: document.id,
      createdAt: document.createdAt,
      rootHash: document.rootHash,
      keyId: document.keyId,
      algorithm: document.algorithm,
      signature: document.signature,
      sequence: head.sequence,
      hash: head.hash,
    };
  }
}
