import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { AUDITOR, coordinatorOf, createTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';

describe('authentication and roles', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const list = (authorization?: string) => {
    const req = t.http.get('/api/v1/municipalities?q=heek');
    return authorization === undefined ? req : req.set('Authorization', authorization);
  };
  const sign = (claims: Record<string, unknown>, secret = TEST_JWT_SECRET, exp: number | string = '1h') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));

  const expectUnauthorized = (res: {
    status: number;
    headers: Record<string, string>;
    body: Record<string, unknown>;
  }) => {
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toMatchObject({ type: '/problems/unauthorized', title: 'Nicht angemeldet', status: 401 });
    expect(typeof res.body.detail).toBe('string');
    expect(res.body.instance).toBe('/api/v1/municipalities?q=heek');
  };

  it('accepts a valid token of each role', async () => {
    for (const principal of [
      coordinatorOf('05554024'),
      AUDITOR,
      { sub: 'b', role: 'steering-board' as const, municipality: '05554024' },
    ]) {
      expect((await list(`Bearer ${await t.token(principal)}`)).status).toBe(200);
    }
  });

  it('answers 401 without a token, with a malformed header, or with a token of another secret', async () => {
    expectUnauthorized(await list());
    expectUnauthorized(await list('Basic dXNlcjpwYXNz'));
    expectUnauthorized(await list('Bearer not.a.jwt'));
    expectUnauthorized(await list(`Bearer ${await sign({ role: 'admin' }, 'another-secret')}`));
  });

  it('answers 401 for an expired token, one without expiry, an unknown role or a coordinator without municipality', async () => {
    expectUnauthorized(
      await list(`Bearer ${await sign({ role: 'admin' }, TEST_JWT_SECRET, Math.floor(Date.now() / 1000) - 60)}`),
    );
    const noExp = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expectUnauthorized(await list(`Bearer ${noExp}`));
    expectUnauthorized(await list(`Bearer ${await sign({ role: 'superuser' })}`));
    expectUnauthorized(await list(`Bearer ${await sign({ role: 'coordinator' })}`));
    expectUnauthorized(await list(`Bearer ${await sign({ role: 'coordinator', municipality: '5315000' })}`));
  });

  it('refuses the "none" algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'x', role: 'admin', exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString('base64url');
    expectUnauthorized(await list(`Bearer ${header}.${payload}.`));
  });

  it('answers 403 problem+json for a role the route does not allow', async () => {
    const res = await t.http
      .post('/api/v1/municipalities')
      .set('Authorization', `Bearer ${await t.token(AUDITOR)}`)
      .send({ ags: '05900003', name: 'Zweckverband X', kind: 'Zweckverband' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: '/problems/forbidden',
      status: 403,
      detail:
        'Mit der Rolle auditor ist diese Schnittstelle nicht erlaubt; melden Sie sich mit einer passenden Rolle an.',
    });
  });
});

describe('authentication with an identity provider key (RS256)', () => {
  let t: TestApp;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    t = await createTestApp({
      JWT_PUBLIC_KEY: await exportSPKI(pair.publicKey),
      JWT_ISSUER: 'https://idp.kreis-borken.example',
    });
  });
  afterAll(() => t.close());

  const rs256 = (claims: Record<string, unknown>, issuer = 'https://idp.kreis-borken.example') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('anna.schmidt')
      .setIssuer(issuer)
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts tokens of the configured key and issuer, and no longer the shared secret', async () => {
    const ok = await t.http
      .get('/api/v1/municipalities/05554024')
      .set('Authorization', `Bearer ${await rs256({ role: 'coordinator', municipality: '05554024' })}`);
    expect(ok.status).toBe(200);
    const otherIssuer = await t.http
      .get('/api/v1/municipalities/05554024')
      .set('Authorization', `Bearer ${await rs256({ role: 'auditor' }, 'https://evil.example')}`);
    expect(otherIssuer.status).toBe(401);
    const hs256 = await t.http
      .get('/api/v1/municipalities/05554024')
      .set('Authorization', `Bearer ${await t.token(AUDITOR)}`);
    expect(hs256.status).toBe(401);
  });
});
