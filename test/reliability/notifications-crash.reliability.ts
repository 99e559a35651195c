import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureBuilt, freePort, ServerProcess } from '../../bench/lib/server-process';
import { issueDevelopmentToken } from '../../src/auth/token-issuer';
import { transitionEventId } from '../../src/notifications/domain/cloud-event';
import { COORD_HEEK, OPENING } from '../fixtures/building-yard.scenario';
import { REPEATABLE_EVENT } from './support/repeatable-event';
import { startWebhookReceiver } from '../support/notification-receivers';
import { sleep } from './support/chaos';

/*
 * Issue 16's reliability acceptance: the server is killed with SIGKILL between commit and delivery
 * under load. After the restart every notification of every acknowledged transition reaches the
 * webhook receiver — each id at least once — and the receiver's de-duplication by `webhook-id`
 * leaves exactly one of each. Runs on the PostgreSQL of DATABASE_URL (a schema of its own) when
 * set, else on the embedded default in a data directory of its own.
 */

const SECRET = randomBytes(32).toString('hex');

describe('notifications survive SIGKILL between commit and delivery', () => {
  const url = process.env.DATABASE_URL;
  const schema = `rel_notify_${process.pid}_${randomBytes(3).toString('hex')}`;
  let directory: string;
  let server: ServerProcess | undefined;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let token: string;
  let admin: string;

  beforeAll(async () => {
    ensureBuilt();
    token = await issueDevelopmentToken(COORD_HEEK as never, SECRET);
    admin = await issueDevelopmentToken({ sub: 'admin-it-nrw', role: 'admin' }, SECRET);
    directory = mkdtempSync(join(tmpdir(), 'ikz-notify-'));
    // A slow receiver: deliveries queue up behind the commits, so the kill finds a backlog.
    receiver = await startWebhookReceiver({ delayMs: 40 });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await receiver.close();
    rmSync(directory, { recursive: true, force: true });
    if (url) {
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  });

  const start = async () => {
    server = ServerProcess.spawn({
      port: await freePort(),
      env: {
        ...(url
          ? { DATABASE_URL: url, DATABASE_SCHEMA: schema }
          : { DATABASE_URL: undefined, IKZ_DATA_DIR: directory }),
        JWT_SECRET: SECRET,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '1000000000',
        NOTIFY_POLL_MS: '50',
        // An attempt cut off by the kill is tried again when its lease (2 × timeout) ends.
        NOTIFY_TIMEOUT_MS: '1000',
        NOTIFY_RETRY_BASE_MS: '200',
        NOTIFY_RETRY_MAX_MS: '1000',
        NOTIFY_MAX_ATTEMPTS: '50',
      },
    });
    await server.waitHealthy(60_000);
  };
  const call = async (path: string, init: { method?: string; body?: string; as?: string } = {}) => {
    const res = await fetch(`${server!.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.as ?? token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: init.body,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of several shapes, checked by the tests
    return { status: res.status, body: (await res.json()) as any };
  };

  it('delivers every acknowledged transition after a restart, each id at least once and once after de-duplication', async () => {
    await start();
    const sub = await call('/api/v1/webhook-subscriptions', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ url: receiver.url }),
    });
    expect(sub.status).toBe(201);
    receiver.useSecret(sub.body.secret);

    const { title, fieldOfWork, motive, description } = OPENING.input;
    const acknowledged = new Set<string>();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const opened = await call('/api/v1/cooperations', {
        method: 'POST',
        body: JSON.stringify({ title, fieldOfWork, motive, description }),
      });
      expect(opened.status).toBe(201);
      ids.push(opened.body.id);
      acknowledged.add(transitionEventId(opened.body.id, 1));
    }
    let loading = true;
    const clients = Array.from({ length: 6 }, async (_, n) => {
      while (loading) {
        const id = ids[n % ids.length];
        try {
          const res = await call(`/api/v1/cooperations/${id}/events`, { method: 'POST', body: REPEATABLE_EVENT });
          if (res.status === 200) acknowledged.add(transitionEventId(id, res.body.cooperation.version));
        } catch {
          return; // the server is gone
        }
      }
    });
    await sleep(2_000);
    await server!.stop('SIGKILL');
    loading = false;
    await Promise.all(clients);
    const deliveredBeforeKill = receiver.events.size;
    // The kill came between commit and delivery: acknowledged events were still undelivered.
    expect(acknowledged.size).toBeGreaterThan(30);
    expect(deliveredBeforeKill).toBeLessThan(acknowledged.size);

    await start();
    const deadline = Date.now() + 120_000;
    while ([...acknowledged].some((id) => !receiver.events.has(id)) && Date.now() < deadline) await sleep(200);
    const missing = [...acknowledged].filter((id) => !receiver.events.has(id));
    expect(missing).toEqual([]);
    // Nothing refused, nothing unknown: every request was signed and named an event of the history.
    expect(receiver.requests.filter((r) => r.verdict === 'refused')).toEqual([]);
    const counts = new Map<string, number>();
    for (const r of receiver.requests) {
      const id = String(r.headers['webhook-id']);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect([...acknowledged].every((id) => (counts.get(id) ?? 0) >= 1)).toBe(true);
    // De-duplicated by id: exactly one of each acknowledged transition (and of any committed
    // whose answer the kill cut off, which the client could not count).
    expect([...acknowledged].filter((id) => !receiver.events.has(id))).toEqual([]);
    expect(receiver.events.size).toBeGreaterThanOrEqual(acknowledged.size);
    expect(receiver.events.size).toBe(counts.size);
    const repeats = [...counts.values()].filter((n) => n > 1).length;
    process.stdout.write(
      `notifications after SIGKILL: ${acknowledged.size} acknowledged, ${deliveredBeforeKill} delivered before the kill, ` +
        `${receiver.requests.length} requests for ${counts.size} ids (${repeats} delivered more than once)\n`,
    );
  });
});
