import { SignJWT, importJWK } from 'jose';
import {
  API_AUDIENCE,
  CONSOLE_CLIENT,
  OIDC_CLAIM_SETTINGS,
  OTHER_AUDIENCE,
  startOidcProvider,
  type OidcProvider,
} from './support/oidc-provider';
import { createTestApp, type TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The API against a real OpenID provider (oidc-provider, started here): keys from the issuer's
 * discovery document, tokens of the authorization code flow with PKCE accepted, the configured
 * claims mapped to the caller, tokens of another issuer or for another audience refused, and the
 * development sign-in gone.
 */
describe('sign-in with OpenID Connect (API side)', () => {
  let idp: OidcProvider;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startOidcProvider({});
    t = await createTestApp({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CONSOLE_CLIENT,
      OIDC_SCOPES: 'openid profile offline_access',
      JWT_AUDIENCE: API_AUDIENCE,
      ...OIDC_CLAIM_SETTINGS,
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('tells the console to sign in at the provider (public), and nothing else', async () => {
    const res = await t.http.get('/api/v1/sign-in/config');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      method: 'oidc',
      issuer: idp.issuer,
      clientId: CONSOLE_CLIENT,
      scopes: ['openid', 'profile', 'offline_access'],
    });
  });

  it('accepts the provider’s access token and maps its claims to the caller', async () => {
    const coordinator = await idp.signIn('anna.koordinatorin@heek.de');
    const me = await t.http.get('/api/v1/sign-in/me').set(bearer(coordinator.access_token));
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      sub: 'anna.koordinatorin@heek.de',
      role: 'coordinator',
      municipality: '05554024',
      municipalityName: 'Heek',
    });
    const list = await t.http.get('/api/v1/cooperations').set(bearer(coordinator.access_token));
    expect(list.status).toBe(200);

    const auditor = await idp.signIn('clara.pruefung@gpa.nrw.de');
    const auditorMe = await t.http.get('/api/v1/sign-in/me').set(bearer(auditor.access_token));
    expect(auditorMe.body).toMatchObject({ role: 'auditor', municipality: null });
    // The role decides: an auditor may read the audit feed, a coordinator may not.
    expect((await t.http.get('/api/v1/audit/transitions').set(bearer(auditor.access_token))).status).toBe(200);
    expect((await t.http.get('/api/v1/audit/transitions').set(bearer(coordinator.access_token))).status).toBe(403);
  });

  it('refuses a token for another audience (401)', async () => {
    const other = await idp.signIn('anna.koordinatorin@heek.de', { resource: OTHER_AUDIENCE });
    const res = await t.http.get('/api/v1/sign-in/me').set(bearer(other.access_token));
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/„aud“/);
  });

  it('refuses a token of another issuer, even one signed with the same keys (401)', async () => {
    const impostor = await startOidcProvider({ keys: idp.jwks });
    try {
      const token = await impostor.signIn('anna.koordinatorin@heek.de');
      const res = await t.http.get('/api/v1/sign-in/me').set(bearer(token.access_token));
      expect(res.status).toBe(401);
      expect(res.body.detail).toMatch(/„iss“/);
    } finally {
      await impostor.close();
    }
  });

  it('refuses tokens whose claims do not carry a role or the municipality (401)', async () => {
    const key = await importJWK(idp.jwks.keys[0] as never, 'RS256');
    const sign = (claims: object) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(idp.issuer)
        .setAudience(API_AUDIENCE)
        .setSubject('someone')
        .setExpirationTime('5m')
        .sign(key);
    const noRole = await t.http.get('/api/v1/sign-in/me').set(bearer(await sign({ groups: ['staff'] })));
    expect(noRole.status).toBe(401);
    expect(noRole.body.detail).toMatch(/Die Angabe „groups“ muss genau einen dieser Werte tragen/);
    const twoRoles = await t.http.get('/api/v1/sign-in/me').set(bearer(await sign({ groups: ['admin', 'auditor'] })));
    expect(twoRoles.status).toBe(401);
    const noAgs = await t.http.get('/api/v1/sign-in/me').set(bearer(await sign({ groups: ['coordinator'] })));
    expect(noAgs.status).toBe(401);
    expect(noAgs.body.detail).toMatch(/Die Angabe „ikz.ags“ muss für diese Rolle ein AGS/);
    const ok = await t.http
      .get('/api/v1/sign-in/me')
      .set(bearer(await sign({ groups: ['steering-board'], ikz: { ags: '05554036' } })));
    expect(ok.body).toMatchObject({ role: 'steering-board', municipality: '05554036', municipalityName: 'Legden' });
  });

  it('refuses the development tokens and has no development sign-in (404)', async () => {
    const dev = await t.token({ sub: 'coord-heek', role: 'coordinator', municipality: '05554024' });
    expect((await t.http.get('/api/v1/sign-in/me').set(bearer(dev))).status).toBe(401);
    expect((await t.http.post('/api/v1/dev/token').send({ role: 'admin' })).status).toBe(404);
  });
});

describe('sign-in configuration without a provider', () => {
  it('offers the development sign-in in development, none in production', async () => {
    const dev = await createTestApp({ NODE_ENV: 'development' });
    try {
      expect((await dev.http.get('/api/v1/sign-in/config')).body).toEqual({ method: 'development' });
    } finally {
      await dev.close();
    }
    const production = await createTestApp({ NODE_ENV: 'production' });
    try {
      expect((await production.http.get('/api/v1/sign-in/config')).body).toEqual({ method: 'none' });
    } finally {
      await production.close();
    }
  });

  it('answers 503 while the provider’s discovery document or keys cannot be read', async () => {
    const idp = await startOidcProvider({});
    const issuer = idp.issuer;
    const token = (await idp.signIn('clara.pruefung@gpa.nrw.de')).access_token;
    await idp.close();
    const t = await createTestApp({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CONSOLE_CLIENT, JWT_AUDIENCE: API_AUDIENCE });
    try {
      const res = await t.http.get('/api/v1/sign-in/me').set(bearer(token));
      expect(res.status).toBe(503);
      expect(res.body.type).toBe('/problems/identity-provider-unavailable');
      expect(res.headers['retry-after']).toBe('30');
    } finally {
      await t.close();
    }
    // The same when the key set itself cannot be fetched: 503, not a 401 that would sign the user out.
    const jwks = await createTestApp({
      JWT_JWKS_URL: `${issuer}/jwks`,
      JWT_ISSUER: issuer,
      JWT_AUDIENCE: API_AUDIENCE,
    });
    try {
      expect((await jwks.http.get('/api/v1/sign-in/me').set(bearer(token))).status).toBe(503);
    } finally {
      await jwks.close();
    }
  });
});
