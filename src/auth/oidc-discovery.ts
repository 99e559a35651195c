/** What the API needs from an OpenID provider's discovery document (OpenID Connect Discovery 1.0 § 3). */
export interface ProviderMetadata {
  issuer: string;
  jwks_uri: string;
}

/** The identity provider could not be asked for its keys: the request may succeed later (503). */
export class IdentityProviderUnavailableError extends Error {}

const TIMEOUT_MS = 10_000;

/**
 * Reads `<issuer>/.well-known/openid-configuration` and checks that it speaks for that issuer
 * (Discovery § 4.3: the `issuer` value must be identical), so a misconfigured or spoofed document
 * cannot slip in another provider's keys.
 */
export async function discoverProvider(issuer: string): Promise<ProviderMetadata> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new IdentityProviderUnavailableError(
      `discovery document ${url} not readable: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const metadata = body as Partial<ProviderMetadata> | null;
  if (metadata?.issuer !== issuer) {
    throw new IdentityProviderUnavailableError(
      `discovery document ${url} names the issuer ${String(metadata?.issuer)}`,
    );
  }
  if (typeof metadata.jwks_uri !== 'string') {
    throw new IdentityProviderUnavailableError(`discovery document ${url} has no jwks_uri`);
  }
  return { issuer, jwks_uri: metadata.jwks_uri };
}
