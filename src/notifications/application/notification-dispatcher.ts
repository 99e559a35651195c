import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, nowOf } from '../../common/clock';
import type { Environment } from '../../config/configuration';
import { type AttemptOutcome, DeliverDueUseCase } from './deliver-due.use-case';
import { ExpandOutboxUseCase } from './expand-outbox.use-case';
import { FireReminderUseCase } from './fire-reminder.use-case';

export interface DispatchRound {
  reminders: number;
  expanded: number;
  attempts: AttemptOutcome[];
}

/**
 * Delivers what the outbox holds (docs/notifications.md), like the TimerScheduler fires timers:
 * in every instance unless NOTIFY_ENABLED=false, looking at startup and then every NOTIFY_POLL_MS
 * (at once again while a look found work). A look sends the due reminders, expands new outbox
 * events into deliveries and attempts the due deliveries; every step claims its rows with `FOR
 * UPDATE SKIP LOCKED`, so instances share the work, and no transaction stays open while sending
 * (the embedded database has one connection). Time comes from the injected Clock.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timeout: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly fireReminder: FireReminderUseCase,
    private readonly expand: ExpandOutboxUseCase,
    private readonly deliver: DeliverDueUseCase,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('NOTIFY_ENABLED', { infer: true })) this.look();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timeout);
    await this.running.catch(() => undefined);
  }

  /** One round at the clock's now. Tests move the clock and call this instead of waiting for a poll. */
  async runOnce(): Promise<DispatchRound> {
    const now = nowOf(this.clock);
    let reminders = 0;
    while (!this.stopped && (await this.fireReminder.execute(now))) reminders++;
    let expanded = 0;
    for (let n = -1; n !== 0 && !this.stopped; expanded += n) n = await this.expand.execute(now);
    const attempts = this.stopped ? [] : await this.deliver.execute(now);
    return { reminders, expanded, attempts };
  }

  /** Rounds until nothing is left to do at the clock's now (tests). */
  async drain(): Promise<DispatchRound> {
    const total: DispatchRound = { reminders: 0, expanded: 0, attempts: [] };
    for (;;) {
      const round = await this.runOnce();
      total.reminders += round.reminders;
      total.expanded += round.expanded;
      total.attempts.push(...round.attempts);
      if (round.reminders + round.expanded + round.attempts.length === 0) return total;
    }
  }

  private look(): void {
    if (this.stopped) return;
    const interval = this.config.get('NOTIFY_POLL_MS', { infer: true });
    this.running = this.runOnce().then(
      (round) => this.schedule(round.attempts.length + round.expanded + round.reminders > 0 ? 0 : interval),
      (error: unknown) => {
        this.logger.error(
          `dispatching notifications failed: ${error instanceof Error ? error.message : String(error)}`,
        );
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
