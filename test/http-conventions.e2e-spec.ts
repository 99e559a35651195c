import { ADMIN, createTestApp, type TestApp } from './support/test-app';

/** The rules of docs/api.md that every endpoint follows. */
describe('HTTP conventions', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: '2kb' });
    admin = `Bearer ${await t.token(ADMIN)}`;
  });
  afterAll(() => t.close());

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
    type: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type, status });
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.instance).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|SELECT|INSERT/);
  };

  it('404: unknown routes', async () => {
    expectProblem(await t.http.get('/api/v1/nothing-here').set('Authorization', admin), 404, '/problems/not-found');
  });

  it('400: malformed JSON', async () => {
    const res = await t.http
      .post('/api/v1/municipalities')
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('{"ags": "05900009",');
    expectProblem(res, 400, '/problems/bad-request');
    expect(res.body.detail).toMatch(/JSON/);
  });

  it('400: unknown fields and wrong types, with field paths', async () => {
    const res = await t.http
      .post('/api/v1/municipalities')
      .set('Authorization', admin)
      .send({ ags: 5, name: ['x'], kind: 'Kreis', isAdmin: true });
    expectProblem(res, 400, '/problems/validation-failed');
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['ags', 'isAdmin', 'name']);
  });

  it('413: a body over the size limit', async () => {
    const res = await t.http
      .post('/api/v1/municipalities')
      .set('Authorization', admin)
      .send({ ags: '05900009', name: 'x'.repeat(5000), kind: 'Kreis' });
    expectProblem(res, 413, '/problems/payload-too-large');
  });

  it('415: a body that is not JSON', async () => {
    const res = await t.http
      .post('/api/v1/municipalities')
      .set('Authorization', admin)
      .set('Content-Type', 'text/plain')
      .send('ags=05900009');
    expectProblem(res, 415, '/problems/unsupported-media-type');
    const form = await t.http
      .post('/api/v1/municipalities')
      .set('Authorization', admin)
      .type('form')
      .send({ ags: '05900009' });
    expectProblem(form, 415, '/problems/unsupported-media-type');
  });

  it('nothing was written by the refused requests', async () => {
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM municipalities WHERE source = 'admin'`,
    );
    expect(count).toBe(0);
  });

  it('echoes a harmless X-Request-Id and makes one up otherwise, also on errors', async () => {
    const own = await t.http.get('/health').set('X-Request-Id', 'abc-123');
    expect(own.headers['x-request-id']).toBe('abc-123');
    const hostile = await t.http.get('/health').set('X-Request-Id', '<script>');
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const parseError = await t.http.post('/api/v1/municipalities').set('Content-Type', 'application/json').send('{');
    expect(parseError.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps one server's settings out of process.env, so the next server in the process starts clean", () => {
    expect(process.env.BODY_LIMIT).toBeUndefined();
    expect(process.env.JWT_SECRET).toBeUndefined();
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document, with every route declaring its responses', async () => {
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/v1/municipalities', '/api/v1/municipalities/{ags}']),
    );
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect((await t.http.get('/docs')).status).toBe(200);
  });
});
