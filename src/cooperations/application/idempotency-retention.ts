import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyRepository } from '../infrastructure/idempotency.repository';

const EVERY_MS = 60 * 60 * 1000;
const BATCH = 1_000;

/**
 * Removes stored idempotent answers older than IDEMPOTENCY_RETENTION_HOURS, at startup and hourly,
 * in batches. A lookup ignores (and removes) an expired answer on its own, so this only keeps the
 * table from growing; several servers may run it at once.
 */
@Injectable()
export class IdempotencyRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly answers: IdempotencyRepository) {}

  onApplicationBootstrap(): void {
    void this.removeExpired();
    this.timer = setInterval(() => void this.removeExpired(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Every expired answer, batch by batch; the number removed. Never throws (the next run retries). */
  async removeExpired(): Promise<number> {
    let total = 0;
    try {
      for (let n = BATCH; n === BATCH; total += n) n = await this.answers.removeExpired(BATCH);
    } catch (error) {
      this.logger.warn({ err: error }, 'Removing expired idempotent answers failed; retrying in an hour');
    }
    if (total > 0) this.logger.log(`Removed ${total} expired idempotent answers`);
    return total;
  }
}
