import { NotificationDispatcher } from '../src/notifications/application/notification-dispatcher';
import { LEGDEN } from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { startSmtpServer } from './support/notification-receivers';
import { ADMIN, AUDITOR, createTestApp, type TestApp } from './support/test-app';

const ERASED = 'poststelle@legden.example';
const KEPT = 'bauamt@legden.example';

/**
 * A municipality's notification address is personal data of no cooperation: the erasure route
 * (`POST /personal-data/{id}/erasure`) erases it like a contact — the address is gone from every
 * answer and from every later delivery, and the record keeps who erased when and why.
 */
describe('erasing a notification address (personal data of no cooperation)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('erases it: gone from the answers and from future deliveries, the erasure recorded', async () => {
    const admin = `Bearer ${await t.token(ADMIN)}`;
    const addresses = `/api/v1/municipalities/${LEGDEN.ags}/notification-addresses`;
    const register = (email: string) =>
      t.http.post(addresses).set('Authorization', admin).send({ email, role: 'coordinator' });
    const erased = await register(ERASED);
    expect(erased.status).toBe(201);
    expect((await register(KEPT)).status).toBe(201);

    const erasure = await t.http
      .post(`/api/v1/personal-data/${erased.body.id}/erasure`)
      .set('Authorization', admin)
      .send({ reason: 'Art. 17 DSGVO: Antrag der Poststelle' });
    expect(erasure.status).toBe(200);
    expect(erasure.body).toMatchObject({
      id: erased.body.id,
      subjectKind: 'notification-address',
      cooperationId: null,
      municipality: LEGDEN.ags,
      fields: { erased: true },
      erasure: { by: { sub: ADMIN.sub, role: 'admin' }, reason: 'Art. 17 DSGVO: Antrag der Poststelle' },
    });
    const again = await t.http
      .post(`/api/v1/personal-data/${erased.body.id}/erasure`)
      .set('Authorization', admin)
      .send({ reason: 'noch einmal' });
    expect(again.status).toBe(409);

    const listed = await t.http.get(addresses).set('Authorization', admin);
    expect(listed.body.items.map((a: { email: string }) => a.email)).toEqual([KEPT]);
    const record = await t.http
      .get(`/api/v1/personal-data/${erased.body.id}`)
      .set('Authorization', `Bearer ${await t.token(AUDITOR)}`);
    expect(record.status).toBe(200);
    expect(JSON.stringify(record.body)).not.toContain(ERASED);
    const [row] = await t.dataSource.query<Array<{ fields: unknown; salt: string | null }>>(
      `SELECT fields, salt FROM personal_data WHERE id = $1`,
      [erased.body.id],
    );
    expect(row).toEqual({ fields: { erased: true }, salt: null });

    // A later invitation of Legden reaches the kept address only.
    const yard = new BuildingYard(t);
    await yard.runUntil('invite-schoeppingen');
    await t.app.get(NotificationDispatcher).drain();
    const recipients = smtp.mails.flatMap((m) => m.to);
    expect(recipients).toContain(KEPT);
    expect(recipients).not.toContain(ERASED);
  });
});
