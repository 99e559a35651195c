import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** Seconds; commands take milliseconds, a slow one (a large history, a busy database) seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds from a timer's due instant to its firing: the poll interval, a backlog, an outage. */
const LAG_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 86_400];

/** How a decided event ended: accepted, or the kind of refusal (the domain's RejectionKind). */
export type EventOutcome = 'accepted' | 'invalid' | 'event-not-allowed' | 'forbidden' | 'obligations-unmet';

/** The pg pool behind TypeORM's PostgreSQL driver (not part of TypeORM's types). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

/**
 * The server's Prometheus metrics (docs/operations.md, "Metrics"): one registry per application
 * (tests start several in one process), Node's default process metrics, and the engine's own.
 * Labels carry route patterns, event types, obligation ids and channels — never a raw path, an id
 * or a name.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly scrapeHooks: Array<() => Promise<void>> = [];

  private readonly httpRequests = new Counter({
    name: 'ikz_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'ikz_http_request_duration_seconds',
    help: 'HTTP request duration by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly events = new Counter({
    name: 'ikz_events_total',
    help: 'Lifecycle events decided, by type and outcome (accepted or the kind of refusal)',
    labelNames: ['type', 'outcome'],
    registers: [this.registry],
  });
  private readonly unmet = new Counter({
    name: 'ikz_event_unmet_obligations_total',
    help: 'Unmet obligations of refused events, by event type and obligation',
    labelNames: ['type', 'obligation'],
    registers: [this.registry],
  });
  private readonly commandDuration = new Histogram({
    name: 'ikz_command_duration_seconds',
    help: 'Duration of commands (one transaction each) by command and outcome',
    labelNames: ['command', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly timerLag = new Histogram({
    name: 'ikz_timer_lag_seconds',
    help: 'Time from a durable timer being due to its firing',
    buckets: LAG_BUCKETS,
    registers: [this.registry],
  });
  private readonly timerFirings = new Counter({
    name: 'ikz_timer_firings_total',
    help: 'Durable timers claimed by the scheduler, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly chainFailures = new Counter({
    name: 'ikz_chain_verification_failures_total',
    help: 'History chains found broken by a verification, by scope (cooperation or all)',
    labelNames: ['scope'],
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: 'ikz_notification_deliveries_total',
    help: 'Notification delivery attempts by channel and outcome (delivered, retry, failed)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'ikz_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting clients, max)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
        this.set({ state: 'max' }, pool.options.max);
      },
    });
  }

  /** The text a scraper reads (after the hooks have refreshed what is read at scrape time). */
  async scrape(): Promise<string> {
    await Promise.all(this.scrapeHooks.map((hook) => hook()));
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** A gauge read at scrape time from `read` (e.g. a query); a failing read leaves the last value. */
  gaugeAtScrape(name: string, help: string, read: () => Promise<number>): void {
    const gauge = new Gauge({ name, help, registers: [this.registry] });
    this.scrapeHooks.push(async () => {
      try {
        gauge.set(await read());
      } catch {
        // The database is down: /health says so; the scrape still answers.
      }
    });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, seconds);
  }

  eventDecided(type: string, outcome: EventOutcome, unmetObligations: readonly string[] = []): void {
    this.events.inc({ type, outcome });
    for (const obligation of unmetObligations) this.unmet.inc({ type, obligation });
  }

  /** Times `work` as `command`: its outcome is `accepted`, `refused` (an expected error) or `failed`. */
  async timeCommand<T>(command: string, work: () => Promise<T>, refused: (error: unknown) => boolean): Promise<T> {
    const end = this.commandDuration.startTimer({ command });
    try {
      const result = await work();
      end({ outcome: 'accepted' });
      return result;
    } catch (error) {
      end({ outcome: refused(error) ? 'refused' : 'failed' });
      throw error;
    }
  }

  timerClaimed(outcome: string, lagSeconds: number | null): void {
    this.timerFirings.inc({ outcome });
    if (lagSeconds !== null) this.timerLag.observe(Math.max(0, lagSeconds));
  }

  chainsBroken(scope: 'cooperation' | 'all', count: number): void {
    if (count > 0) this.chainFailures.inc({ scope }, count);
  }

  deliveryAttempted(channel: string, outcome: 'delivered' | 'retry' | 'failed'): void {
    this.deliveries.inc({ channel, outcome });
  }
}
