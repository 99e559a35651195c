import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, nowOf } from '../../common/clock';
import type { Environment } from '../../config/configuration';
import { Metrics } from '../../metrics';
import { TimerRepository, timerInstance } from '../infrastructure/timer.repository';
import { FireDueTimerUseCase, type TimerFiring } from './fire-due-timer.use-case';
import { ReconcileTimersUseCase } from './reconcile-timers.use-case';

/** Timers fired per look before the scheduler yields to the event loop and looks again at once. */
const BATCH = 100;
/**
 * Fires due durable timers as system events through the command path (docs/operation-phase.md,
 * "The scheduler contract"). Every instance may run one: a timer row is claimed with
 * `FOR UPDATE SKIP LOCKED` and deleted in the transaction that applies its event, so each fires
 * exactly once; one short transaction per timer, never held while awaiting another connection
 * (the embedded database has only one). The first look is at startup: a deadline that passed
 * while every instance was down fires then; before it, active cooperations without timer rows
 * (definition version 2 snapshots) get the rows their state expects. A timer whose firing is
 * refused or throws is kept, its failure recorded on its row, and tried again with exponential
 * backoff (1 minute doubling to an hour) — on the row, so every instance and every restart agrees;
 * meanwhile the other timers fire. Time comes from the injected Clock.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerScheduler.name);
  private timeout: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private reconciled = false;

  constructor(
    private readonly fireDueTimer: FireDueTimerUseCase,
    private readonly reconcile: ReconcileTimersUseCase,
    private readonly timers: TimerRepository,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
    private readonly metrics: Metrics,
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
   * Writes the timer rows of active cooperations that have none (snapshots from definition
   * version 2); the scheduler does this once before its first look. Idempotent.
   */
  async reconcileTimers(): Promise<number> {
    const reconciled = await this.reconcile.execute();
    if (reconciled > 0) {
      this.logger.log(`wrote the pending timers of ${reconciled} active cooperation(s) without timers`);
    }
    return reconciled;
  }

  /** When `key` of `cooperationId`, failed at its due instant `dueAt`, will be tried again (null: not backed off). */
  retryAt(firing: Pick<TimerFiring, 'cooperationId' | 'key' | 'dueAt'>): Promise<Date | null> {
    return this.timers.retryAt(firing);
  }

  /**
   * Fires every timer due at the clock's now (up to `max`), earliest first; returns what happened
   * to each claimed timer. Tests move the clock and call this instead of waiting for a poll.
   */
  async fireDueTimers(max = Number.MAX_SAFE_INTEGER): Promise<TimerFiring[]> {
    const now = nowOf(this.clock);
    // Within one look, a timer is claimed at most once: a busy one waits for the next look.
    const skip = new Set<string>();
    const results: TimerFiring[] = [];
    while (results.length < max && !this.stopped) {
      const firing = await this.fireDueTimer.execute(now, skip);
      if (!firing) break;
      results.push(firing);
      const applied = firing.outcome === 'fired' || firing.outcome === 'noop';
      this.metrics.timerClaimed(
        firing.outcome,
        applied ? (now.getTime() - new Date(firing.dueAt).getTime()) / 1000 : null,
      );
      skip.add(timerInstance(firing));
      if (firing.outcome === 'rejected' || firing.outcome === 'failed') this.logFailure(firing);
    }
    return results;
  }

  private logFailure(firing: TimerFiring): void {
    this.logger.error(
      `timer ${firing.key} of cooperation ${firing.cooperationId} (due ${firing.dueAt}) ${firing.outcome} and was kept ` +
        `(attempt ${firing.attempts}, next at ${firing.retryAt}): ${firing.detail}`,
    );
  }

  /** One look (up to BATCH timers), then the next: at once when the batch was full, else after the poll interval. */
  private look(): void {
    if (this.stopped) return;
    const interval = this.config.get('TIMER_POLL_MS', { infer: true });
    // Before the first look: rows for active cooperations that have none (retried until it works).
    const reconcile = this.reconciled
      ? Promise.resolve()
      : this.reconcileTimers().then(
          () => void (this.reconciled = true),
          (error: unknown) =>
            this.logger.error(
              `writing the timers of cooperations without any failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
        );
    this.running = reconcile
      .then(() => this.fireDueTimers(BATCH))
      .then(
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
