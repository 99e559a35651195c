import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { Environment } from '../config/configuration';
import { isAgs, unstorableText } from '../common/domain/identifiers';
import { MAX_SUB_LENGTH, RESERVED_SUBS, ROLES, ROLES_WITH_MUNICIPALITY, type Principal, type Role } from './principal';

export class InvalidTokenError extends Error {}

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

/** Verifies bearer tokens: HS256 with a shared secret, or RS256/ES256 with a public key or JWKS. */
@Injectable()
export class TokenVerifier implements OnModuleInit {
  private keyPromise?: Promise<VerificationKey>;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** A bad key setting fails the start, not every request. */
  async onModuleInit(): Promise<void> {
    await this.key();
  }

  private key(): Promise<VerificationKey> {
    return (this.keyPromise ??= loadVerificationKey({
      JWT_JWKS_URL: this.config.get('JWT_JWKS_URL', { infer: true }),
      JWT_PUBLIC_KEY: this.config.get('JWT_PUBLIC_KEY', { infer: true }),
      JWT_SECRET: this.config.get('JWT_SECRET', { infer: true }),
    }));
  }

  async verify(token: string): Promise<Principal> {
    const { key, algorithms } = await this.key();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: this.config.get('JWT_ISSUER', { infer: true }),
        audience: this.config.get('JWT_AUDIENCE', { infer: true }),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    return toPrincipal(payload);
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  // The subject lands in history entries, stored answers and the audit feed: a real, storable string.
  const sub: unknown = payload.sub;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > MAX_SUB_LENGTH || unstorableText(sub)) {
    throw new InvalidTokenError(`claim "sub" must be a non-empty string of at most ${MAX_SUB_LENGTH} characters`);
  }
  if (RESERVED_SUBS.includes(sub)) throw new InvalidTokenError(`claim "sub" must not be the reserved "${sub}"`);
  const role = payload.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`claim "role" must be one of ${ROLES.join(', ')}`);
  }
  const municipality = payload.municipality;
  if (ROLES_WITH_MUNICIPALITY.includes(role as Role)) {
    if (!isAgs(municipality)) {
      throw new InvalidTokenError('claim "municipality" must be an 8-digit AGS for this role');
    }
  }
  return {
    sub,
    role: role as Role,
    ...(isAgs(municipality) ? { municipality } : {}),
  };
}
