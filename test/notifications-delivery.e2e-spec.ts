import { connect } from 'nats';
import { randomBytes } from 'node:crypto';
import { Clock } from '../src/common/clock';
import { NotificationDispatcher } from '../src/notifications/application/notification-dispatcher';
import { transitionEventId } from '../src/notifications/domain/cloud-event';
import { HEEK, LEGDEN, OPENING } from './fixtures/building-yard.scenario';
import { startWebhookReceiver } from './support/notification-receivers';
import { ADMIN, coordinatorOf, createTestApp, type TestApp } from './support/test-app';

/** A clock the test moves by hand. */
class HandClock extends Clock {
  at = new Date('2027-02-01T08:00:00Z');
  now(): Date {
    return this.at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

async function openCooperation(t: TestApp): Promise<string> {
  const { title, fieldOfWork, motive, description } = OPENING.input;
  const res = await t.http
    .post('/api/v1/cooperations')
    .set('Authorization', `Bearer ${await t.token(coordinatorOf(HEEK.ags, 'coord-heek'))}`)
    .send({ title, fieldOfWork, motive, description });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('webhook deliveries: retries with backoff, parking, redelivery, access', () => {
  let t: TestApp;
  let clock: HandClock;
  let broken: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let admin = '';

  beforeAll(async () => {
    clock = new HandClock();
    broken = await startWebhookReceiver({ failWith: 503 });
    t = await createTestApp(
      { NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_RETRY_BASE_MS: '60000', NOTIFY_RETRY_MAX_MS: '600000' },
      { clock },
    );
    admin = await t.token(ADMIN);
  });
  afterAll(async () => {
    await t.close();
    await broken.close();
  });

  it('retries after 1 and 2 minutes, records each attempt, parks the delivery as failed after the third', async () => {
    const sub = await t.http
      .post('/api/v1/webhook-subscriptions')
      .set('Authorization', `Bearer ${admin}`)
      .send({ url: broken.url });
    expect(sub.status).toBe(201);
    expect(sub.body.municipality).toBeNull();
    const id = await openCooperation(t);
    const dispatcher = t.app.get(NotificationDispatcher);
    const attemptsAt: string[] = [];
    for (const wait of [0, 60_000, 120_000]) {
      clock.advance(wait);
      expect((await dispatcher.drain()).attempts).toMatchObject([
        { ok: false, detail: 'answered 503 Service Unavailable' },
      ]);
      attemptsAt.push(clock.at.toISOString());
      // Not before its time: nothing is attempted a moment later.
      clock.advance(1_000);
      expect((await dispatcher.drain()).attempts).toEqual([]);
      clock.advance(-1_000);
    }
    const log = await t.http
      .get('/api/v1/notification-deliveries')
      .query({ cooperation: id })
      .set('Authorization', `Bearer ${admin}`);
    expect(log.body.items).toHaveLength(1);
    const [delivery] = log.body.items;
    expect(delivery).toMatchObject({
      channel: 'webhook',
      status: 'failed',
      attempts: 3,
      eventId: transitionEventId(id, 1),
    });
    const one = await t.http
      .get(`/api/v1/notification-deliveries/${delivery.id}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(one.body.attemptLog.map((a: { at: string; ok: boolean }) => [a.at, a.ok])).toEqual(
      attemptsAt.map((at) => [at, false]),
    );
    clock.advance(3_600_000);
    expect((await dispatcher.drain()).attempts).toEqual([]);
    expect(broken.requests.map((r) => r.headers['webhook-id'])).toEqual(Array(3).fill(transitionEventId(id, 1)));

    const again = await t.http
      .post(`/api/v1/notification-deliveries/${delivery.id}/redeliver`)
      .set('Authorization', `Bearer ${admin}`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      status: 'pending',
      attempts: 0,
      redeliveryOf: delivery.id,
      eventId: delivery.eventId,
    });
    await dispatcher.drain();
    expect(broken.requests).toHaveLength(4);
    expect(
      (
        await t.http
          .get('/api/v1/notification-deliveries')
          .query({ status: 'failed' })
          .set('Authorization', `Bearer ${admin}`)
      ).body.items,
    ).toHaveLength(1);
    await t.http
      .delete(`/api/v1/webhook-subscriptions/${sub.body.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(204);
  });

  it('lets a coordinator manage the own municipality only; bad input is a 4xx that changes nothing', async () => {
    const heek = `Bearer ${await t.token(coordinatorOf(HEEK.ags))}`;
    const base = `/api/v1/municipalities/${LEGDEN.ags}/notification-addresses`;
    expect(
      (await t.http.post(base).set('Authorization', heek).send({ email: 'x@heek.example', role: 'coordinator' }))
        .status,
    ).toBe(403);
    expect((await t.http.get(base).set('Authorization', heek)).status).toBe(403);
    const own = `/api/v1/municipalities/${HEEK.ags}/notification-addresses`;
    expect(
      (await t.http.post(own).set('Authorization', heek).send({ email: 'nope', role: 'coordinator' })).status,
    ).toBe(400);
    expect(
      (await t.http.post(own).set('Authorization', heek).send({ email: 'a@heek.example', role: 'mayor' })).status,
    ).toBe(400);
    const created = await t.http
      .post(own)
      .set('Authorization', heek)
      .send({ email: 'a@heek.example', role: 'coordinator' });
    expect(created.status).toBe(201);
    // Stored as personal data of the new subject kind, not tied to a cooperation.
    const [row] = await t.dataSource.query(
      `SELECT subject_kind, cooperation_id, municipality FROM personal_data WHERE id = $1`,
      [created.body.id],
    );
    expect(row).toEqual({ subject_kind: 'notification-address', cooperation_id: null, municipality: HEEK.ags });
    expect((await t.http.get(own).set('Authorization', heek)).body.items).toHaveLength(1);
    await t.http.delete(`${own}/${created.body.id}`).set('Authorization', heek).expect(204);
    expect((await t.http.get(own).set('Authorization', heek)).body.items).toEqual([]);

    const subs = '/api/v1/webhook-subscriptions';
    expect(
      (await t.http.post(subs).set('Authorization', heek).send({ url: 'https://x.example', municipality: LEGDEN.ags }))
        .status,
    ).toBe(403);
    const ftp = await t.http.post(subs).set('Authorization', heek).send({ url: 'ftp://dms.heek.example/' });
    expect(ftp.status).toBe(422);
    expect(ftp.body.type).toBe('/problems/webhook-target-refused');
    const steering = `Bearer ${await t.token({ sub: 'b', role: 'steering-board', municipality: HEEK.ags })}`;
    expect((await t.http.post(subs).set('Authorization', steering).send({ url: 'https://x.example' })).status).toBe(
      403,
    );
    expect((await t.http.get(subs).set('Authorization', heek)).body.items).toEqual([]);
  });
});

describe('the SSRF guard in production', () => {
  it('refuses loopback and private targets unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set', async () => {
    for (const [allow, status] of [
      ['false', 422],
      ['true', 201],
    ] as const) {
      const t = await createTestApp({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_NETWORKS: allow });
      const admin = `Bearer ${await t.token(ADMIN)}`;
      try {
        for (const url of [
          'http://127.0.0.1:9/hook',
          'http://[::1]/hook',
          'http://169.254.169.254/latest',
          'http://localhost/hook',
        ]) {
          const res = await t.http.post('/api/v1/webhook-subscriptions').set('Authorization', admin).send({ url });
          expect({ url, status: res.status }).toEqual({ url, status });
        }
      } finally {
        await t.close();
      }
    }
  });
});

describe('the NATS JetStream sink (the NATS at 127.0.0.1:4222)', () => {
  const suffix = randomBytes(4).toString('hex');
  const stream = `IKZ_TEST_${suffix}`;
  const prefix = `ikztest${suffix}.events`;
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NATS_URL: 'nats://127.0.0.1:4222', NATS_STREAM: stream, NATS_SUBJECT_PREFIX: prefix });
  });
  afterAll(async () => {
    await t.close();
    const nc = await connect({ servers: 'nats://127.0.0.1:4222' });
    await (await nc.jetstreamManager()).streams.delete(stream).catch(() => undefined);
    await nc.drain();
  });

  it('publishes each CloudEvent once with the event id as message id; a redelivery is a recognised duplicate', async () => {
    const id = await openCooperation(t);
    const dispatcher = t.app.get(NotificationDispatcher);
    const { attempts } = await dispatcher.drain();
    expect(attempts).toMatchObject([{ ok: true, detail: `${stream} seq 1` }]);

    const nc = await connect({ servers: 'nats://127.0.0.1:4222' });
    try {
      const consumer = await nc.jetstream().consumers.get(stream);
      const message = await consumer.next({ expires: 5_000 });
      expect(message?.subject).toBe(`${prefix}.${id}.OPEN_COOPERATION`);
      expect(message?.headers?.get('Nats-Msg-Id')).toBe(transitionEventId(id, 1));
      expect(message?.json()).toMatchObject({
        specversion: '1.0',
        id: transitionEventId(id, 1),
        type: 'de.nrw.ikz.OPEN_COOPERATION',
        subject: id,
      });

      const admin = `Bearer ${await t.token(ADMIN)}`;
      const [delivery] = (await t.http.get('/api/v1/notification-deliveries').set('Authorization', admin)).body.items;
      await t.http
        .post(`/api/v1/notification-deliveries/${delivery.id}/redeliver`)
        .set('Authorization', admin)
        .expect(202);
      expect((await dispatcher.drain()).attempts).toMatchObject([{ ok: true, detail: `${stream} seq 1 (duplicate)` }]);
      const info = await (await nc.jetstreamManager()).streams.info(stream);
      expect(info.state.messages).toBe(1);
    } finally {
      await nc.drain();
    }
  });
});
