import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, nowOf } from '../../common/clock';
import { PollLoop } from '../../common/poll-loop';
import type { Environment } from '../../config/configuration';
import { Metrics } from '../../metrics';
import { OutboxRepository } from '../infrastructure/outbox.repository';
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
  private readonly loop: PollLoop;

  constructor(
    private readonly fireReminder: FireReminderUseCase,
    private readonly expand: ExpandOutboxUseCase,
    private readonly deliver: DeliverDueUseCase,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
    metrics: Metrics,
    outbox: OutboxRepository,
  ) {
    metrics.gaugeAtScrape(
      'ikz_notification_outbox_lag_seconds',
      'Age of the oldest outbox event not yet expanded into deliveries (0: none waits)',
      async () => {
        const oldest = await outbox.oldestUnexpanded();
        return oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0;
      },
    );
    this.loop = new PollLoop(
      async () => {
        const round = await this.runOnce();
        return { more: round.attempts.length + round.expanded + round.reminders > 0 };
      },
      config.get('NOTIFY_POLL_MS', { infer: true }),
      new Logger('Notifications'),
      'dispatching notifications',
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.get('NOTIFY_ENABLED', { infer: true })) this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One round at the clock's now. Tests move the clock and call this instead of waiting for a poll. */
  async runOnce(): Promise<DispatchRound> {
    const now = nowOf(this.clock);
    let reminders = 0;
    while (!this.loop.isStopped && (await this.fireReminder.execute(now))) reminders++;
    let expanded = 0;
    for (let n = -1; n !== 0 && !this.loop.isStopped; expanded += n) n = await this.expand.execute(now);
    const attempts = this.loop.isStopped ? [] : await this.deliver.execute(now);
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
}
