import { randomUUID } from 'node:crypto';
import { SubscriptionRepository } from '../src/notifications/infrastructure/subscription.repository';
import { HEEK } from './fixtures/building-yard.scenario';
import { ADMIN, coordinatorOf, createTestApp, type TestApp } from './support/test-app';

const KEY = Buffer.alloc(32, 7).toString('base64');

/** Webhook secrets at rest (docs/notifications.md): sealed with NOTIFICATIONS_SECRET_KEY, shown once. */
describe('webhook secrets are stored sealed (AES-256-GCM) and shown only on creation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NOTIFICATIONS_SECRET_KEY: KEY });
  });
  afterAll(() => t.close());

  it('stores no plain secret, never answers it after the creation, and opens it for signing', async () => {
    const token = await t.token(coordinatorOf(HEEK.ags, 'coord-heek'));
    const created = await t.http
      .post('/api/v1/webhook-subscriptions')
      .set('Authorization', `Bearer ${token}`)
      .send({ url: 'https://dms.heek.example/hooks' });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_/);

    const [row] = await t.dataSource.query<Array<{ secret_sealed: string }>>(
      `SELECT secret_sealed FROM webhook_subscriptions WHERE id = $1`,
      [created.body.id],
    );
    expect(row.secret_sealed).toMatch(/^v1:/);
    expect(row.secret_sealed).not.toContain(secret.slice('whsec_'.length, 20));

    const listed = await t.http.get('/api/v1/webhook-subscriptions').set('Authorization', `Bearer ${token}`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.items.find((s: { id: string }) => s.id === created.body.id)).not.toHaveProperty('secret');

    expect((await t.app.get(SubscriptionRepository).find(created.body.id))?.secret).toBe(secret);
  });

  it('seals at startup the secrets written in the clear before the migration, keeping them usable', async () => {
    const id = randomUUID();
    const plain = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
    await t.dataSource.query(
      `INSERT INTO webhook_subscriptions (id, municipality, url, secret_sealed, created_by, created_at)
       VALUES ($1, NULL, 'https://ratsinfo.example/hooks', $2, $3, now())`,
      [id, plain, JSON.stringify({ sub: ADMIN.sub, role: 'admin' })],
    );
    const repository = t.app.get(SubscriptionRepository);
    await repository.onApplicationBootstrap();
    const [row] = await t.dataSource.query<Array<{ secret_sealed: string }>>(
      `SELECT secret_sealed FROM webhook_subscriptions WHERE id = $1`,
      [id],
    );
    expect(row.secret_sealed).toMatch(/^v1:/);
    expect((await repository.find(id))?.secret).toBe(plain);
  });
});
