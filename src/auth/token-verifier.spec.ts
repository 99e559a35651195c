import type { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/configuration';
import type { Principal } from './principal';
import { issueDevelopmentToken } from './token-issuer';
import { InvalidTokenError, TokenVerifier, VerifiedTokens } from './token-verifier';

const SECRET = 'a-secret-of-the-tests-at-least-32-characters';
const COORDINATOR: Principal = { sub: 'coord-heek', role: 'coordinator', municipality: '05554020' };

function verifier(): TokenVerifier {
  const settings: Partial<Record<keyof Environment, unknown>> = {
    JWT_SECRET: SECRET,
    OIDC_ROLE_CLAIM: 'role',
    OIDC_MUNICIPALITY_CLAIM: 'municipality',
  };
  const config = { get: (name: keyof Environment) => settings[name] } as unknown as ConfigService<Environment, true>;
  return new TokenVerifier(config);
}

/** How often the verifier asked for its key: once per token it actually verified. */
const keyLookups = (v: TokenVerifier) => jest.spyOn(v as unknown as { key: () => Promise<unknown> }, 'key');

describe('TokenVerifier keeps the tokens it accepted until they expire', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies a token once, then answers from the cache with the same principal', async () => {
    const v = verifier();
    const lookups = keyLookups(v);
    const token = await issueDevelopmentToken(COORDINATOR, SECRET, { expiresIn: '1h' });
    const first = await v.verify(token);
    expect(first).toEqual(COORDINATOR);
    expect(await v.verify(token)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('refuses a cached token once it expired, with the reason jose gives', async () => {
    // Only the clock is faked: jose's crypto needs the real microtasks.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval'] });
    const start = new Date('2026-12-04T12:00:00.000Z');
    jest.setSystemTime(start);
    const v = verifier();
    const token = await issueDevelopmentToken(COORDINATOR, SECRET, { expiresIn: '60s' });
    await v.verify(token);
    jest.setSystemTime(new Date(start.getTime() + 59_999));
    await expect(v.verify(token)).resolves.toEqual(COORDINATOR);
    jest.setSystemTime(new Date(start.getTime() + 60_000));
    const refused = await v.verify(token).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidTokenError);
    expect((refused as InvalidTokenError).reason).toMatchObject({ key: 'tokens.expired' });
  });

  it('keeps no refused token: each attempt is verified (and refused) again', async () => {
    const v = verifier();
    const lookups = keyLookups(v);
    const foreign = await issueDevelopmentToken(COORDINATOR, 'another-secret-of-at-least-32-characters!');
    for (let i = 0; i < 2; i++) await expect(v.verify(foreign)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(lookups).toHaveBeenCalledTimes(2);
  });

  it('is bounded: when full, the oldest token goes', () => {
    const cache = new VerifiedTokens(2);
    const exp = Math.floor(Date.now() / 1000) + 3600;
    for (const token of ['a', 'b', 'c']) cache.remember(token, COORDINATOR, exp);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toEqual(COORDINATOR);
    const none = new VerifiedTokens(0);
    none.remember('a', COORDINATOR, exp);
    expect(none.get('a')).toBeUndefined();
  });
});
