import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { TcpProxy } from './support/tcp-proxy';
import { AUDITOR, createTestApp, type TestApp } from './support/test-app';

describe('GET /health and the API while the database is down', () => {
  let embedded: EmbeddedPostgres | null = null;
  let proxy: TcpProxy;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    // The server reaches its database through a proxy the test can cut.
    const target = new URL(process.env.DATABASE_URL ?? (embedded = await EmbeddedPostgres.start(null)).url);
    proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
    target.host = `127.0.0.1:${proxy.port}`;
    t = await createTestApp({ DATABASE_URL: target.toString(), DB_POOL_SIZE: embedded ? '1' : '4' });
    token = await t.token(AUDITOR);
  });
  afterAll(async () => {
    if (!proxy.listening) await proxy.start(proxy.port);
    await t.close();
    await proxy.stop();
    await embedded?.stop();
  });

  it('is 200 while the database answers', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });

  it('is 503 problem+json, quickly, when the database is unreachable, and recovers without a restart', async () => {
    const port = proxy.port;
    await proxy.stop();
    const started = Date.now();
    const down = await t.http.get('/health');
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({
      type: '/problems/service-unavailable',
      status: 503,
      checks: { database: { status: 'down' } },
    });
    expect(Date.now() - started).toBeLessThan(10_000);

    const api = await t.http.get('/api/v1/municipalities/05315000').set('Authorization', `Bearer ${token}`);
    expect(api.status).toBe(503);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.headers['retry-after']).toBe('5');
    expect(api.body).toMatchObject({ type: '/problems/database-unavailable', status: 503 });

    await proxy.start(port);
    let up = await t.http.get('/health');
    for (let i = 0; i < 20 && up.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      up = await t.http.get('/health');
    }
    expect(up.status).toBe(200);
    expect((await t.http.get('/api/v1/municipalities/05315000').set('Authorization', `Bearer ${token}`)).status).toBe(
      200,
    );
  });
});
