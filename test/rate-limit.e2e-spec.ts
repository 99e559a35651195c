import { ADMIN, AUDITOR, createTestApp, type TestApp } from './support/test-app';

describe('rate limit per caller (RATE_LIMIT_PER_MINUTE)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' })));
  afterAll(() => t.close());

  it('answers 429 problem+json with Retry-After once a token has used its minute, keyed by sub', async () => {
    const auditor = await t.token(AUDITOR);
    const get = (token: string) => t.http.get('/api/v1/obligations').set('Authorization', `Bearer ${token}`);
    for (let i = 0; i < 5; i++) expect((await get(auditor)).status).toBe(200);
    const limited = await get(auditor);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another token of the same caller shares the budget; another caller has its own.
    expect((await get(await t.token(AUDITOR, { expiresIn: '2h' }))).status).toBe(429);
    expect((await get(await t.token(ADMIN))).status).toBe(200);
  });

  it('limits anonymous callers by address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.http.get('/health')).status);
    expect(statuses.slice(0, 5).every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses[5]).toBe(429);
  });

  it('one budget per caller across routes, not one per route', async () => {
    const admin = await t.token({ sub: 'admin-budget', role: 'admin' });
    const statuses: number[] = [];
    for (const path of ['/api/v1/obligations', '/api/v1/municipalities', '/api/v1/obligations', '/api/v1/lifecycle']) {
      statuses.push((await t.http.get(path).set('Authorization', `Bearer ${admin}`)).status);
    }
    statuses.push((await t.http.get('/api/v1/municipalities').set('Authorization', `Bearer ${admin}`)).status);
    statuses.push((await t.http.get('/api/v1/lifecycle').set('Authorization', `Bearer ${admin}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('rate limit: refused authentications count by address', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' })));
  afterAll(() => t.close());

  it('answers 429 once an address has used its minute on 401s; a valid token still gets through', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const authorization = i % 2 === 0 ? 'Bearer not.a.jwt' : 'Basic dXNlcjpwYXNz';
      statuses.push((await t.http.get('/api/v1/obligations').set('Authorization', authorization)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const limited = await t.http.get('/api/v1/obligations');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Counted per address, not held against a caller who authenticates: they have their own budget.
    expect(
      (await t.http.get('/api/v1/obligations').set('Authorization', `Bearer ${await t.token(AUDITOR)}`)).status,
    ).toBe(200);
  });
});
