import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { Environment } from '../config/configuration';
import { isAgs, unstorableText } from '../common/domain/identifiers';
import { MAX_SUB_LENGTH, RESERVED_SUBS, ROLES, ROLES_WITH_MUNICIPALITY, type Principal, type Role } from './principal';

export class InvalidTokenError extends Error {}

type VerificationKey = { key: Uint8Array | KeyLike | JWTVerifyGetKey; algorithms: string[] };

/** Verifies bearer tokens: HS256 with a shared secret, or RS256/ES256 with a public key or JWKS. */
@Injectable()
export class TokenVerifier {
  private keyPromise?: Promise<VerificationKey>;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  async verify(token: string): Promise<Principal> {
    const { key, algorithms } = await (this.keyPromise ??= this.loadKey());
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

  private async loadKey(): Promise<VerificationKey> {
    const jwksUrl = this.config.get('JWT_JWKS_URL', { infer: true });
    if (jwksUrl) return { key: createRemoteJWKSet(new URL(jwksUrl)), algorithms: ['RS256', 'ES256'] };
    const publicKey = this.config.get('JWT_PUBLIC_KEY', { infer: true });
    if (publicKey) return { key: await importSPKI(publicKey.replace(/\\n/g, '\n'), 'RS256'), algorithms: ['RS256'] };
    return { key: new TextEncoder().encode(this.config.get('JWT_SECRET', { infer: true })), algorithms: ['HS256'] };
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
