import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/configuration';
import { Clock } from './clock';
import { CooperationsService, type TimerFiring } from './cooperations.service';

/** Timers fired per look before the scheduler yields to the event loop and looks again at once. */
const BATCH = 100;

/**
 * Fires due durable timers as system events through the command path (docs/operation-phase.md,
 * "The scheduler contract"). Every instance may run one: a timer row is claimed with
 * `FOR UPDATE SKIP LOCKED` and deleted in the transaction that applies its event, so each fires
 * exactly once; one short transaction per timer, never held while awaiting another connection
 * (the embedded database has only one). The first look is at startup: a deadline that passed
 * while every instance was down fires then. Time comes from the injected Clock.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerScheduler.name);
  private timeout: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly cooperations: CooperationsService,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('TIMERS_ENABLED', { infer: true })) return;
    // The first look right away: deadlines that passed while every instance was down fire now.
    this.look();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timeout);
    await this.idle();
  }

  /** Resolves when the look in progress (if any) has finished. */
  async idle(): Promise<void> {
    await this.running.catch(() => undefined);
  }

  /**
   * Fires every timer due at the clock's now (up to `max`), earliest first; returns what happened
   * to each claimed timer. Tests move the clock and call this instead of waiting for a poll.
   */
  async fireDueTimers(max = Number.MAX_SAFE_INTEGER): Promise<TimerFiring[]> {
    const now = new Date(this.clock.now().getTime());
    const skip = new Set<string>();
    const results: TimerFiring[] = [];
    while (results.length < max && !this.stopped) {
      const firing = await this.cooperations.fireNextDueTimer(now, skip);
      if (!firing) break;
      results.push(firing);
      if (firing.outcome === 'busy' || firing.outcome === 'rejected') skip.add(`${firing.cooperationId} ${firing.key}`);
      if (firing.outcome === 'rejected')
        this.logger.error(
          `timer ${firing.key} of cooperation ${firing.cooperationId} (due ${firing.dueAt}) was refused and kept: ${firing.detail}`,
        );
    }
    return results;
  }

  /** One look (up to BATCH timers), then the next: at once when the batch was full, else after the poll interval. */
  private look(): void {
    if (this.stopped) return;
    const interval = this.config.get('TIMER_POLL_MS', { infer: true });
    this.running = this.fireDueTimers(BATCH).then(
      (results) => this.schedule(results.length >= BATCH ? 0 : interval),
      (error: unknown) => {
        this.logger.error(`looking for due timers failed: ${error instanceof Error ? error.message : String(error)}`);
        this.schedule(interval);
      },
    );
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timeout = setTimeout(() => this.look(), delay);
    this.timeout.unref();
  }
}
