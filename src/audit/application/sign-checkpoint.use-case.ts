import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { Environment } from '../../config/configuration';
import { HistoryRepository } from '../../history';
import { type CheckpointDocument, type CheckpointHead, HeadBuilder, signCheckpoint } from '../domain/checkpoint';
import { CheckpointRepository } from '../infrastructure/checkpoint.repository';
import { AuditKey } from './audit-key';

const BATCH = 5_000;

/**
 * Signs a checkpoint of every chain's head (docs/audit.md § Checkpoints): on request, and every
 * CHECKPOINT_INTERVAL_MS in this instance.
 */
@Injectable()
export class SignCheckpointUseCase implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly history: HistoryRepository,
    private readonly checkpoints: CheckpointRepository,
    private readonly key: AuditKey,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onModuleInit(): void {
    const interval = this.config.get('CHECKPOINT_INTERVAL_MS', { infer: true });
    if (interval > 0) {
      this.timer = setInterval(() => void this.periodic(), interval);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Reads every chain's hashes batch by batch, signs the heads and stores the checkpoint. */
  async execute(): Promise<CheckpointDocument> {
    const heads: CheckpointHead[] = [];
    let builder = null as HeadBuilder | null;
    for await (const rows of this.history.inChainOrder(['hash'], BATCH)) {
      for (const row of rows) {
        if (builder?.cooperationId !== row.cooperation_id) {
          const head = builder?.head();
          if (head) heads.push(head);
          builder = new HeadBuilder(row.cooperation_id);
        }
        builder.push(row.sequence, row.hash);
      }
    }
    const last = builder?.head();
    if (last) heads.push(last);
    const document = signCheckpoint(
      { id: randomUUID(), createdAt: new Date().toISOString() },
      heads,
      this.key.privateKey,
    );
    await this.checkpoints.insert(document);
    this.logger.log(
      { audit: 'checkpoint', id: document.id, cooperations: document.cooperations, rootHash: document.rootHash },
      'Checkpoint signed',
    );
    return document;
  }

  private async periodic(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.execute();
    } catch (error) {
      this.logger.warn({ err: error }, 'Periodic checkpoint failed; the next interval tries again');
    } finally {
      this.running = false;
    }
  }
}
