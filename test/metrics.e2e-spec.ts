import { buildingYardPrematureEvents, COORD_HEEK } from './fixtures/building-yard.scenario';
import { BuildingYard, toBody } from './support/building-yard';
import { startWebhookReceiver } from './support/notification-receivers';
import { ADMIN, AUDITOR, coordinatorOf, createTestApp, type TestApp } from './support/test-app';
import { timerRows } from './support/timer-rows';
import { NotificationDispatcher } from '../src/notifications/application/notification-dispatcher';
import { TimerScheduler } from '../src/cooperations';

const METRICS_TOKEN = 'scrape-token-of-the-metrics-test';

/** The sum of the samples of `name` whose labels include `labels` (Prometheus text format). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

describe('GET /metrics: who may read it, and the counters moving', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ METRICS_TOKEN })));
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  it("is only for the METRICS_TOKEN: no token, a wrong one or a user token (even an admin's) get 401", async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-the-same-size!', `Bearer ${await t.token(ADMIN)}`]) {
      const req = t.http.get('/metrics');
      const res = await (authorization ? req.set('Authorization', authorization) : req);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await scrape()).toContain('# TYPE ikz_http_requests_total counter');
  });

  it('counts requests by route pattern, events by type and outcome, unmet obligations, commands, timers, chains, deliveries', async () => {
    const failing = await startWebhookReceiver({ failWith: 500 });
    const receiving = await startWebhookReceiver();
    try {
      const heek = `Bearer ${await t.token(coordinatorOf(COORD_HEEK.municipality!, COORD_HEEK.sub))}`;
      for (const hook of [failing, receiving]) {
        const sub = await t.http
          .post('/api/v1/webhook-subscriptions')
          .set('Authorization', heek)
          .send({ url: hook.url });
        expect(sub.status).toBe(201);
        hook.useSecret(sub.body.secret);
      }
      const before = await scrape();

      // A premature event, refused with its unmet obligations.
      const premature = buildingYardPrematureEvents()[0];
      const early = new BuildingYard(t);
      await early.runUntil(premature.before);
      const refused = await early.send(premature.actor, toBody(premature.event));
      expect(refused.status).toBe(409);
      // The whole building yard up to `active`, then its first timer an hour late.
      const yard = new BuildingYard(t);
      await yard.runUntil();
      const [first] = await timerRows(t.dataSource, yard.id);
      yard.at(new Date(Date.parse(first.dueAt) + 3_600_000));
      expect((await t.app.get(TimerScheduler).fireDueTimers()).map((f) => f.outcome)).toContain('fired');
      await t.app.get(NotificationDispatcher).drain();
      // A chain rewritten in place (by someone who may disable the trigger), found by verification.
      await t.dataSource.query(`ALTER TABLE cooperation_history DISABLE TRIGGER cooperation_history_append_only`);
      try {
        await t.dataSource.query(
          `UPDATE cooperation_history SET payload = '{"note":"changed"}' WHERE cooperation_id = $1 AND sequence = 2`,
          [early.id],
        );
      } finally {
        await t.dataSource.query(`ALTER TABLE cooperation_history ENABLE TRIGGER cooperation_history_append_only`);
      }
      const verified = await early.get(AUDITOR, '/history/verify');
      expect(verified.body.valid).toBe(false);

      const after = await scrape();
      const moved = (name: string, labels: Record<string, string> = {}) =>
        sample(after, name, labels) - sample(before, name, labels);

      expect(moved('ikz_events_total', { type: 'OPEN_COOPERATION', outcome: 'accepted' })).toBe(2);
      expect(moved('ikz_events_total', { type: premature.event.type, outcome: 'obligations-unmet' })).toBe(1);
      for (const obligation of premature.unmet) {
        expect(moved('ikz_event_unmet_obligations_total', { type: premature.event.type, obligation })).toBe(1);
      }
      expect(moved('ikz_events_total', { outcome: 'accepted' })).toBeGreaterThan(10);
      expect(moved('ikz_command_duration_seconds_count', { command: 'OPEN_COOPERATION', outcome: 'accepted' })).toBe(2);
      expect(moved('ikz_command_duration_seconds_count', { outcome: 'refused' })).toBe(1);
      // Route patterns, never a cooperation's id.
      expect(
        moved('ikz_http_requests_total', { method: 'POST', route: '/api/v1/cooperations/:id/events', status: '409' }),
      ).toBe(1);
      expect(moved('ikz_http_requests_total', { method: 'POST', route: '/api/v1/cooperations', status: '201' })).toBe(
        2,
      );
      expect(after).not.toContain(yard.id);
      expect(after).not.toContain(early.id);
      expect(moved('ikz_timer_firings_total', { outcome: 'fired' })).toBe(1);
      expect(moved('ikz_timer_lag_seconds_count')).toBe(1);
      expect(moved('ikz_timer_lag_seconds_sum')).toBeCloseTo(3600, 0);
      expect(moved('ikz_chain_verification_failures_total', { scope: 'cooperation' })).toBe(1);
      expect(moved('ikz_notification_deliveries_total', { channel: 'webhook', outcome: 'delivered' })).toBeGreaterThan(
        0,
      );
      expect(moved('ikz_notification_deliveries_total', { channel: 'webhook', outcome: 'retry' })).toBeGreaterThan(0);
      expect(after).toMatch(/^ikz_notification_outbox_lag_seconds \d/m);
      expect(sample(after, 'ikz_db_pool_connections', { state: 'max' })).toBeGreaterThanOrEqual(1);
      expect(after).toMatch(/^process_cpu_seconds_total /m);
    } finally {
      await failing.close();
      await receiving.close();
    }
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('is off (404) in production', async () => {
    const t = await createTestApp({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-the-test' });
    try {
      const res = await t.http.get('/metrics');
      expect(res.status).toBe(404);
      expect(res.body.detail).toContain('METRICS_TOKEN');
    } finally {
      await t.close();
    }
  });

  it('is open in development (the embedded default a user tries out)', async () => {
    const t = await createTestApp({ NODE_ENV: 'development' });
    try {
      expect((await t.http.get('/metrics')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
