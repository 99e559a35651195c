import { DEVELOPMENT_JWT_SECRET, offersDevelopmentSignIn, validateEnvironment } from './configuration';

describe('validateEnvironment', () => {
  it('fills in the defaults of the embedded default', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      IKZ_DATA_DIR: './data',
      DB_MIGRATIONS_RUN: true,
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and booleans from their string form', () => {
    expect(validateEnvironment({ PORT: '8080', DB_MIGRATIONS_RUN: 'false', DB_POOL_SIZE: '4' })).toMatchObject({
      PORT: 8080,
      DB_MIGRATIONS_RUN: false,
      DB_POOL_SIZE: 4,
    });
  });

  it('names every invalid setting', () => {
    expect(() =>
      validateEnvironment({ PORT: 'eighty', NODE_ENV: 'staging', DATABASE_SCHEMA: 'Robert"); DROP' }),
    ).toThrow(/PORT[\s\S]*NODE_ENV|NODE_ENV[\s\S]*PORT/);
  });

  it('refuses to start in production with the development secret', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/development JWT secret/);
    expect(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-from-the-vault' }).NODE_ENV).toBe(
      'production',
    );
    expect(validateEnvironment({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks' }).NODE_ENV).toBe(
      'production',
    );
  });

  it('limits requests per caller in production by default (600 a minute), generously elsewhere', () => {
    expect(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret' }).RATE_LIMIT_PER_MINUTE).toBe(
      600,
    );
    expect(validateEnvironment({ NODE_ENV: 'development' }).RATE_LIMIT_PER_MINUTE).toBe(600_000);
    expect(
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret', RATE_LIMIT_PER_MINUTE: '50' })
        .RATE_LIMIT_PER_MINUTE,
    ).toBe(50);
  });

  it('takes an OpenID provider as production sign-in, with its client, over https, asking for openid', () => {
    const oidc = { NODE_ENV: 'production', OIDC_ISSUER: 'https://idp.example/realms/ikz', OIDC_CLIENT_ID: 'ikz' };
    expect(validateEnvironment(oidc)).toMatchObject({
      OIDC_SCOPES: 'openid profile',
      OIDC_ROLE_CLAIM: 'role',
      OIDC_MUNICIPALITY_CLAIM: 'municipality',
    });
    expect(() => validateEnvironment({ ...oidc, OIDC_CLIENT_ID: undefined })).toThrow(/OIDC_CLIENT_ID: required/);
    expect(() => validateEnvironment({ ...oidc, OIDC_ISSUER: 'http://idp.example' })).toThrow(/https:\/\/ URL/);
    expect(
      validateEnvironment({ ...oidc, NODE_ENV: 'development', OIDC_ISSUER: 'http://127.0.0.1:8080' }),
    ).toBeTruthy();
    expect(() => validateEnvironment({ ...oidc, OIDC_SCOPES: 'profile email' })).toThrow(/must include openid/);
    expect(() => validateEnvironment({ ...oidc, OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER/);
    expect(() => validateEnvironment({ ...oidc, OIDC_ROLE_CLAIM: 'a..b' })).toThrow(/OIDC_ROLE_CLAIM/);
    expect(validateEnvironment({ ...oidc, OIDC_ROLE_CLAIM: 'realm_access.roles' }).OIDC_ROLE_CLAIM).toBe(
      'realm_access.roles',
    );
  });

  it('offers the development sign-in only in development without an identity provider', () => {
    expect(offersDevelopmentSignIn(validateEnvironment({}))).toBe(true);
    expect(offersDevelopmentSignIn(validateEnvironment({ JWT_JWKS_URL: 'https://idp.example/jwks' }))).toBe(false);
    expect(
      offersDevelopmentSignIn(validateEnvironment({ OIDC_ISSUER: 'http://127.0.0.1:8080', OIDC_CLIENT_ID: 'ikz' })),
    ).toBe(false);
    expect(offersDevelopmentSignIn(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'real' }))).toBe(false);
  });
});
