import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, nowOf } from '../../common/clock';
import type { Environment } from '../../config/configuration';
import { timerInstance } from '../infrastructure/timer.repository';
import { FireDueTimerUseCase, type TimerFiring } from './fire-due-timer.use-case';
import { ReconcileTimersUseCase } from './reconcile-timers.use-case';

/** Timers fired per look before the scheduler yields to the event loop and looks again at once. */
const BATCH = 100;
/** A refused timer is tried again after 1 minute, then 2, 4, … up to an hour between attempts. */
export const RETRY_FIRST_MS = 60_000;
export const RETRY_MAX_MS = 3_600_000;

/** The retry schedule of one refused timer instance (in this instance's memory). */
interface Backoff {
  attempts: number;
  /** Epoch ms (of the injected clock) before which the timer is not tried again. */
  retryAt: number;
}

/**
 * Fires due durable timers as system events through the command path (docs/operation-phase.md,
 * "The scheduler contract"). Every instance may run one: a timer row is claimed with
 * `FOR UPDATE SKIP LOCKED` and deleted in the transaction that applies its event, so each fires
 * exactly once; one short transaction per timer, never held while awaiting another connection
 * (the embedded database has only one). The first look is at startup: a deadline that passed
 * while every instance was down fires then; before it, active cooperations without timer rows
 * (definition version 2 snapshots) get the rows their state expects. A refused timer is kept and
 * tried again with exponential backoff (1 minute doubling to an hour, per instance, in memory).
 * Time comes from the injected Clock.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerScheduler.name);
  private timeout: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private reconciled = false;
  /** Refused timers by instance (`timerInstance()`): skipped until their `retryAt`. */
  private readonly backoff = new Map<string, Backoff>();

  constructor(
    private readonly fireDueTimer: FireDueTimerUseCase,
    private readonly reconcile: ReconcileTimersUseCase,
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

  /** When `key` of `cooperationId`, refused at its due instant `dueAt`, will be tried again (null: not backed off). */
  retryAt(firing: Pick<TimerFiring, 'cooperationId' | 'key' | 'dueAt'>): Date | null {
    const b = this.backoff.get(timerInstance(firing));
    return b ? new Date(b.retryAt) : null;
  }

  /**
   * Fires every timer due at the clock's now (up to `max`), earliest first; returns what happened
   * to each claimed timer. Tests move the clock and call this instead of waiting for a poll.
   */
  async fireDueTimers(max = Number.MAX_SAFE_INTEGER): Promise<TimerFiring[]> {
    const now = nowOf(this.clock);
    // Refused timers wait for their retry; the others backed off earlier are tried in this look.
    const skip = new Set<string>();
    for (const [instance, b] of this.backoff) if (b.retryAt > now.getTime()) skip.add(instance);
    const touched = new Set<string>();
    const results: TimerFiring[] = [];
    let exhausted = false;
    while (results.length < max && !this.stopped) {
      const firing = await this.fireDueTimer.execute(now, skip);
      if (!firing) {
        exhausted = true;
        break;
      }
      results.push(firing);
      const instance = timerInstance(firing);
      touched.add(instance);
      if (firing.outcome === 'busy' || firing.outcome === 'rejected') skip.add(instance);
      if (firing.outcome === 'rejected') this.refused(firing, instance, now);
      else if (firing.outcome !== 'busy') this.backoff.delete(instance);
    }
    // A backed-off timer that was due for its retry but not found was fired or deleted elsewhere.
    if (exhausted) {
      for (const [instance, b] of this.backoff) {
        if (b.retryAt <= now.getTime() && !touched.has(instance)) this.backoff.delete(instance);
      }
    }
    return results;
  }

  /** Logs a refused timer and schedules its next attempt: 1 minute after the first refusal, doubling, at most an hour. */
  private refused(firing: TimerFiring, instance: string, now: Date): void {
    const attempts = (this.backoff.get(instance)?.attempts ?? 0) + 1;
    const delay = Math.min(RETRY_FIRST_MS * 2 ** Math.min(attempts - 1, 20), RETRY_MAX_MS);
    const retryAt = now.getTime() + delay;
    this.backoff.set(instance, { attempts, retryAt });
    this.logger.error(
      `timer ${firing.key} of cooperation ${firing.cooperationId} (due ${firing.dueAt}) was refused and kept ` +
        `(attempt ${attempts}, next at ${new Date(retryAt).toISOString()}): ${firing.detail}`,
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
