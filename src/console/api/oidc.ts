import * as oauth from 'oauth4webapi';
import type { components } from './openapi';
import { readSession, sessionExpired, writeSession, type Session } from './session';

/**
 * OpenID Connect in the browser (authorization code flow with PKCE, OpenID Connect Core § 3.1;
 * RFC 7636): panva's oauth4webapi does the protocol, this file only keeps its state. Loaded on
 * demand, so the development build's first page does not carry it.
 */
type Schemas = components['schemas'];
export type OidcConfig = Schemas['SignInConfigDto'] & { method: 'oidc'; issuer: string; clientId: string };

const PENDING = 'ikz.oidc.pending';
const CONFIG = 'ikz.oidc.config';
const CALLBACK = '/sign-in/callback';
/** Refresh this long before the access token expires: a request must not arrive with a token that just ran out. */
const EARLY_MS = 5_000;

interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

const redirectUri = () => `${window.location.origin}${CALLBACK}`;
// The server allows plain HTTP issuers only outside production (src/config/configuration.ts).
const options = (config: OidcConfig) => ({ [oauth.allowInsecureRequests]: config.issuer.startsWith('http://') });
const client = (config: OidcConfig): oauth.Client => ({ client_id: config.clientId });

let metadata: { issuer: string; promise: Promise<oauth.AuthorizationServer> } | undefined;
/** The provider's discovery document, read once per page load (oauth4webapi checks that it speaks for the issuer). */
function discover(config: OidcConfig): Promise<oauth.AuthorizationServer> {
  if (metadata?.issuer !== config.issuer) {
    const issuer = new URL(config.issuer);
    const promise = oauth
      .discoveryRequest(issuer, { algorithm: 'oidc', ...options(config) })
      .then((response) => oauth.processDiscoveryResponse(issuer, response));
    promise.catch(() => (metadata = undefined));
    metadata = { issuer: config.issuer, promise };
  }
  return metadata.promise;
}

/** Sends the browser to the provider's sign-in; it comes back to /sign-in/callback and then to `returnTo`. */
export async function startSignIn(config: OidcConfig, returnTo: string): Promise<void> {
  const server = await discover(config);
  const pending: Pending = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    // Only a page of the console: a crafted ?returnTo= must not send a fresh session elsewhere.
    returnTo: returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/',
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  sessionStorage.setItem(CONFIG, JSON.stringify(config));
  const url = new URL(server.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: config.scopes?.join(' ') ?? 'openid',
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  }).toString();
  window.location.assign(url.href);
}

/** The provider's answer at /sign-in/callback: code for tokens, then who the API takes the user for. */
export async function completeSignIn(callbackUrl: URL): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  const config = storedConfig();
  if (!pending || !config) throw new Error('no sign-in was started in this tab');
  sessionStorage.removeItem(PENDING);
  const server = await discover(config);
  const params = oauth.validateAuthResponse(server, client(config), callbackUrl, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client(config),
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
    options(config),
  );
  const tokens = await oauth.processAuthorizationCodeResponse(server, client(config), response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  await store(tokens);
  return pending.returnTo;
}

async function store(tokens: oauth.TokenEndpointResponse, previous?: Session): Promise<void> {
  // Plain fetch: the API client refreshes through this module, and this request has its token.
  const response = await fetch('/api/v1/sign-in/me', { headers: { Authorization: `Bearer ${tokens.access_token}` } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? response.statusText);
  }
  const me = (await response.json()) as Schemas['SignedInUserDto'];
  writeSession({
    ...me,
    token: tokens.access_token,
    expiresAt: new Date(Date.now() + (tokens.expires_in ?? 300) * 1000).toISOString(),
    // A provider that does not rotate refresh tokens answers without one: the old one stays valid.
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    idToken: tokens.id_token ?? previous?.idToken,
  });
}

const storedConfig = () => JSON.parse(sessionStorage.getItem(CONFIG) ?? 'null') as OidcConfig | null;

/** Whether the session's access token runs out before a request could use it. */
export const expiresSoon = (session: Session) => Date.parse(session.expiresAt) - Date.now() < EARLY_MS;

let refreshing: Promise<Session | null> | undefined;
/**
 * A new access token by the refresh token (one request however many callers ask at once). A refused
 * refresh ends the session: the pages send the user to sign in again and back, input kept.
 */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= (async () => {
    const session = readSession();
    const config = storedConfig();
    if (!session?.refreshToken || !config) return session;
    try {
      const server = await discover(config);
      const response = await oauth.refreshTokenGrantRequest(
        server,
        client(config),
        oauth.None(),
        session.refreshToken,
        options(config),
      );
      await store(await oauth.processRefreshTokenResponse(server, client(config), response), session);
      return readSession();
    } catch {
      sessionExpired();
      return null;
    }
  })().finally(() => (refreshing = undefined));
  return refreshing;
}

/**
 * Ends the session here and — when the provider offers RP-initiated logout (end_session_endpoint)
 * — there too, which then sends the browser back to the sign-in page; otherwise the refresh token
 * is revoked where the provider allows it and the caller shows the sign-in page.
 * @returns whether the browser is on its way to the provider.
 */
export async function signOut(): Promise<boolean> {
  const session = readSession();
  const config = storedConfig();
  writeSession(null);
  if (!session || !config) return false;
  let server: oauth.AuthorizationServer;
  try {
    server = await discover(config);
  } catch {
    return false;
  }
  if (server.end_session_endpoint) {
    const url = new URL(server.end_session_endpoint);
    url.search = new URLSearchParams({
      client_id: config.clientId,
      post_logout_redirect_uri: `${window.location.origin}/sign-in?signedOut=1`,
      ...(session.idToken ? { id_token_hint: session.idToken } : {}),
    }).toString();
    window.location.assign(url.href);
    return true;
  }
  if (server.revocation_endpoint && session.refreshToken) {
    await oauth
      .revocationRequest(server, client(config), oauth.None(), session.refreshToken, options(config))
      .catch(() => undefined);
  }
  return false;
}
