import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { Environment } from '../config/configuration';
import { isAgs, unstorableText } from '../common/domain/identifiers';
import { text, type Text, translate } from '../common/i18n';
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
      throw new InvalidTokenError(joseReason(error));
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
    throw new InvalidTokenError(text('tokens.sub', { max: MAX_SUB_LENGTH }));
  }
  if (RESERVED_SUBS.includes(sub)) throw new InvalidTokenError(text('tokens.reservedSub', { sub }));
  const role = payload.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError(text('tokens.role', { values: ROLES.join(', ') }));
  }
  const municipality = payload.municipality;
  if (ROLES_WITH_MUNICIPALITY.includes(role as Role)) {
    if (!isAgs(municipality)) {
      throw new InvalidTokenError(text('tokens.municipality'));
    }
  }
  return {
    sub,
    role: role as Role,
    ...(isAgs(municipality) ? { municipality } : {}),
  };
}
