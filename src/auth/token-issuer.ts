import { SignJWT } from 'jose';
import type { Principal } from './principal';

/**
 * Mints HS256 development tokens for the embedded default (`npm run token`) and the tests.
 * Production tokens come from the municipality's identity provider.
 */
export async function issueDevelopmentToken(
  principal: Principal,
  secret: string,
  options: { expiresIn?: string | number; issuer?: string; audience?: string } = {},
): Promise<string> {
  const jwt = new SignJWT({
    role: principal.role,
    ...(principal.municipality ? { municipality: principal.municipality } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
