import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  createRemoteJWKSet,
  errors,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import type { Environment } from '../config/configuration';
import { isAgs, unstorableText } from '../common/domain/identifiers';
import { text, type Text, translate } from '../common/i18n';
import { discoverProvider, IdentityProviderUnavailableError } from './oidc-discovery';
import { MAX_SUB_LENGTH, RESERVED_SUBS, ROLES, ROLES_WITH_MUNICIPALITY, type Principal, type Role } from './principal';

/** A token refused; `reason` says why in the answer's language (`tokens.*`), the message in English for logs. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: Text) {
    super(translate('en', reason));
  }
}

/** jose's error codes, as the reason a client can act on. */
function joseReason(error: unknown): Text {
  const { code, claim } = (error ?? {}) as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return text('tokens.expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claim === 'nbf' || claim === 'iat'
        ? text('tokens.notYetValid')
        : text('tokens.claim', { claim: claim ?? '?' });
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return text('tokens.signature');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return text('tokens.algorithm');
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return text('tokens.keyUnavailable');
    default:
      return text('tokens.malformed');
  }
}

export { IdentityProviderUnavailableError };

/** Where the role and the municipality are in a token: OIDC_ROLE_CLAIM, OIDC_MUNICIPALITY_CLAIM. */
export interface ClaimNames {
  role: string;
  municipality: string;
}

type VerificationKey = { key: Uint8Array | KeyLike | JWTVerifyGetKey; algorithms: string[] };

/** A key setting that cannot be used: the server refuses to start (src/startup/preflight.ts). */
export class InvalidKeySetting extends Error {
  constructor(
    readonly setting: 'JWT_PUBLIC_KEY' | 'JWT_JWKS_URL',
    readonly reason: string,
  ) {
    super(`${setting} ${reason}`);
  }
}

type KeySettings = Pick<Environment, 'JWT_JWKS_URL' | 'JWT_PUBLIC_KEY' | 'JWT_SECRET'>;

/**
 * The key tokens are verified with: the JWKS of JWT_JWKS_URL, else JWT_PUBLIC_KEY, else JWT_SECRET.
 * Parsed once at start, so that a bad setting stops the server instead of failing every request.
 */
export async function loadVerificationKey(settings: KeySettings): Promise<VerificationKey> {
  if (settings.JWT_JWKS_URL) {
    let url: URL;
    try {
      url = new URL(settings.JWT_JWKS_URL);
    } catch {
      throw new InvalidKeySetting('JWT_JWKS_URL', 'is not a URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new InvalidKeySetting('JWT_JWKS_URL', `must be an https:// (or http://) URL, not ${url.protocol}//`);
    }
    return { key: createRemoteJWKSet(url), algorithms: ['RS256', 'ES256'] };
  }
  if (settings.JWT_PUBLIC_KEY) {
    try {
      return { key: await importSPKI(settings.JWT_PUBLIC_KEY.replace(/\\n/g, '\n'), 'RS256'), algorithms: ['RS256'] };
    } catch (error) {
      throw new InvalidKeySetting(
        'JWT_PUBLIC_KEY',
        `is not a PEM RS256 public key (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  return { key: new TextEncoder().encode(settings.JWT_SECRET), algorithms: ['HS256'] };
}

/** How many verified tokens are kept: IKZ_TOKEN_CACHE (0: none, every request verifies), else 10 000. */
function tokenCacheSize(): number {
  const setting = Number(process.env.IKZ_TOKEN_CACHE ?? 10_000);
  return Number.isInteger(setting) && setting >= 0 ? setting : 10_000;
}

/**
 * Tokens that passed verification, by their text, until their `exp`: a client sends the same
 * token with every request, and its signature, claims and principal do not change. Only accepted
 * tokens are kept, so a refused one is verified (and counted as a failure) every time; an expired
 * one is dropped and verified afresh, which refuses it as jose does (`exp` ≤ now, in seconds).
 * Bounded: when full, the oldest entry goes.
 */
export class VerifiedTokens {
  private readonly byToken = new Map<string, { principal: Principal; exp: number }>();

  constructor(private readonly capacity: number) {}

  get(token: string, now: number = Date.now()): Principal | undefined {
    const hit = this.byToken.get(token);
    if (!hit) return undefined;
    if (hit.exp <= Math.floor(now / 1000)) {
      this.byToken.delete(token);
      return undefined;
    }
    return hit.principal;
  }

  /** Keeps `principal` for `token` until `exp` (seconds); the principal as every later request gets it (frozen: shared). */
  remember(token: string, principal: Principal, exp: number): Principal {
    const shared = Object.freeze({ ...principal });
    if (this.capacity === 0) return shared;
    if (this.byToken.size >= this.capacity) this.byToken.delete(this.byToken.keys().next().value!);
    this.byToken.set(token, { principal: shared, exp });
    return shared;
  }

  get size(): number {
    return this.byToken.size;
  }
}

/**
 * Verifies bearer tokens: HS256 with a shared secret, or RS256/ES256 with a public key or JWKS —
 * given, or named by the discovery document of OIDC_ISSUER. A token once accepted is accepted
 * until it expires (`VerifiedTokens`), even if the identity provider's keys rotate meanwhile.
 */
@Injectable()
export class TokenVerifier implements OnModuleInit {
  private keyPromise?: Promise<VerificationKey>;
  private readonly verified = new VerifiedTokens(tokenCacheSize());

  constructor(private readonly config: ConfigService<Environment, true>) {}

  /**
   * A bad key setting fails the start, not every request. The keys an issuer's discovery document
   * names are fetched with the first token instead: the identity provider may be down at start.
   */
  async onModuleInit(): Promise<void> {
    if (this.config.get('JWT_JWKS_URL', { infer: true }) || !this.config.get('OIDC_ISSUER', { infer: true })) {
      await this.key();
    }
  }

  private key(): Promise<VerificationKey> {
    return (this.keyPromise ??= this.loadKey().catch((error: unknown) => {
      // Unreachable now is not unreachable forever: the next request asks the provider again.
      this.keyPromise = undefined;
      throw error;
    }));
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    const { key, algorithms } = await this.key();
    const issuer = this.config.get('OIDC_ISSUER', { infer: true });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: this.config.get('JWT_ISSUER', { infer: true }) ?? issuer,
        // Without an audience any token the provider issues to any of its clients would pass.
        audience:
          this.config.get('JWT_AUDIENCE', { infer: true }) ??
          (issuer ? this.config.get('OIDC_CLIENT_ID', { infer: true }) : undefined),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      // jose's own errors judge the token; anything else (the JWKS unreachable) is the provider's.
      if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout) {
        throw new IdentityProviderUnavailableError(error instanceof Error ? error.message : String(error));
      }
      throw new InvalidTokenError(joseReason(error));
    }
    const principal = toPrincipal(payload, {
      role: this.config.get('OIDC_ROLE_CLAIM', { infer: true }),
      municipality: this.config.get('OIDC_MUNICIPALITY_CLAIM', { infer: true }),
    });
    // `requiredClaims` made jose check that `exp` is there and a number.
    return this.verified.remember(token, principal, payload.exp!);
  }

  private async loadKey(): Promise<VerificationKey> {
    const issuer = this.config.get('OIDC_ISSUER', { infer: true });
    const jwksUrl =
      this.config.get('JWT_JWKS_URL', { infer: true }) ??
      (issuer ? (await discoverProvider(issuer)).jwks_uri : undefined);
    return loadVerificationKey({
      JWT_JWKS_URL: jwksUrl,
      JWT_PUBLIC_KEY: this.config.get('JWT_PUBLIC_KEY', { infer: true }),
      JWT_SECRET: this.config.get('JWT_SECRET', { infer: true }),
    });
  }
}

/** A claim by its name, or else by its dotted path (`realm_access.roles`); names may contain dots (URLs). */
function claim(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name
    .split('.')
    .reduce<unknown>(
      (value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined),
      payload,
    );
}

/** The role: the claim's string, or the one role among the claim's list (identity providers list groups). */
function roleOf(value: unknown, name: string): Role {
  const candidates = Array.isArray(value) ? value : [value];
  const roles = candidates.filter((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r));
  if (roles.length !== 1) throw new InvalidTokenError(text('tokens.role', { claim: name, values: ROLES.join(', ') }));
  return roles[0];
}

function toPrincipal(payload: JWTPayload, names: ClaimNames): Principal {
  // The subject lands in history entries, stored answers and the audit feed: a real, storable string.
  const sub: unknown = payload.sub;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > MAX_SUB_LENGTH || unstorableText(sub)) {
    throw new InvalidTokenError(text('tokens.sub', { max: MAX_SUB_LENGTH }));
  }
  if (RESERVED_SUBS.includes(sub)) throw new InvalidTokenError(text('tokens.reservedSub', { sub }));
  const role = roleOf(claim(payload, names.role), names.role);
  const municipality = claim(payload, names.municipality);
  if (ROLES_WITH_MUNICIPALITY.includes(role) && !isAgs(municipality)) {
    throw new InvalidTokenError(text('tokens.municipality', { claim: names.municipality }));
  }
  return { sub, role, ...(isAgs(municipality) ? { municipality } : {}) };
}
