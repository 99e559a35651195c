import { createTestApp, type TestApp } from './support/test-app';

/** The console's development sign-in (src/dev-sign-in/): tokens in development, nothing in production. */
describe('POST /api/v1/dev/token', () => {
  describe('in development', () => {
    let t: TestApp;
    beforeAll(async () => (t = await createTestApp({ NODE_ENV: 'development' })));
    afterAll(() => t.close());

    it('issues a coordinator token for a registered municipality that the API accepts', async () => {
      const res = await t.http
        .post('/api/v1/dev/token')
        .send({ role: 'coordinator', municipality: '05554024', sub: 'coord-heek' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        sub: 'coord-heek',
        role: 'coordinator',
        municipality: '05554024',
        municipalityName: 'Heek',
      });
      const list = await t.http.get('/api/v1/cooperations').set('Authorization', `Bearer ${res.body.token}`);
      expect(list.status).toBe(200);
    });

    it('issues tokens without a municipality for auditors, with a default subject', async () => {
      const res = await t.http.post('/api/v1/dev/token').send({ role: 'auditor' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ sub: 'auditor', role: 'auditor', municipality: null });
    });

    it('a short-lived token expires (the console then signs the user in again)', async () => {
      const res = await t.http.post('/api/v1/dev/token').send({ role: 'auditor', expiresInSeconds: 1 });
      expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const list = await t.http.get('/api/v1/cooperations').set('Authorization', `Bearer ${res.body.token}`);
      expect(list.status).toBe(401);
    });

    it('refuses a coordinator without a municipality (400) and an unknown one (422)', async () => {
      const missing = await t.http.post('/api/v1/dev/token').send({ role: 'coordinator' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        { path: 'municipality', messages: ['Für die Rolle coordinator erforderlich.'] },
      ]);
      const unknown = await t.http.post('/api/v1/dev/token').send({ role: 'steering-board', municipality: '05999999' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.type).toBe('/problems/unknown-municipality');
      const badRole = await t.http.post('/api/v1/dev/token').send({ role: 'mayor' });
      expect(badRole.status).toBe(400);
    });
  });

  it('does not exist in production (404)', async () => {
    const t = await createTestApp({ NODE_ENV: 'production' });
    try {
      const res = await t.http.post('/api/v1/dev/token').send({ role: 'admin' });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await t.close();
    }
  });
});
