import type { Logger } from '@nestjs/common';

/**
 * A background loop of one instance: runs `look` now, then again after `intervalMs` — at once
 * when the look says there is more to do — until stopped; a failed look is logged and retried
 * after the interval. `stop()` resolves when the look in progress has finished. Timers are
 * unref'd: the loop never keeps the process alive.
 */
export class PollLoop {
  private timeout: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly look: () => Promise<{ more: boolean }>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  start(): void {
    this.next(0);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timeout);
    await this.running.catch(() => undefined);
  }

  private next(delay: number): void {
    if (this.stopped) return;
    this.timeout = setTimeout(() => {
      this.running = this.look().then(
        ({ more }) => this.next(more ? 0 : this.intervalMs),
        (error: unknown) => {
          this.logger.error(`${this.what} failed: ${error instanceof Error ? error.message : String(error)}`);
          this.next(this.intervalMs);
        },
      );
    }, delay);
    this.timeout.unref();
  }
}
