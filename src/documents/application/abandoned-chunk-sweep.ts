import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DocumentRepository } from '../infrastructure/document.repository';

/** Older than this, chunks without their row belong to no upload still running on any server. */
const ABANDONED_AFTER_HOURS = 1;

/**
 * A server that died mid-upload leaves the chunks it had written without a row; nothing reads them.
 * They are removed when a server starts — which a crash is followed by.
 */
@Injectable()
export class AbandonedChunkSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger('Documents');

  constructor(private readonly documents: DocumentRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const removed = await this.documents.removeAbandonedChunks(ABANDONED_AFTER_HOURS);
    if (removed > 0) this.logger.log(`Removed ${removed} chunks of uploads that never completed`);
  }
}
