import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Configuration, KoaContextWithOIDC, default as ProviderType } from 'oidc-provider';

/**
 * A real OpenID provider for the tests: panva's `oidc-provider` (the certified implementation), on
 * a port of its own. The console's client is public with PKCE (S256) and refresh tokens; access
 * tokens are JWTs for the API (resource indicator API_AUDIENCE) that carry the user's role as one of
 * the `groups` and the AGS in `ikz.ags`, so the API's claim mapping (OIDC_ROLE_CLAIM=groups,
 * OIDC_MUNICIPALITY_CLAIM=ikz.ags) is exercised. Sign-in is a plain login form (user name only).
 */
export const API_AUDIENCE = 'https://ikz.test/api';
export const OTHER_AUDIENCE = 'https://other.test/api';
export const CONSOLE_CLIENT = 'ikz-console';
export const OIDC_CLAIM_SETTINGS = { OIDC_ROLE_CLAIM: 'groups', OIDC_MUNICIPALITY_CLAIM: 'ikz.ags' } as const;

export interface OidcUser {
  role: 'coordinator' | 'steering-board' | 'auditor' | 'admin';
  ags?: string;
  name: string;
}

export const OIDC_USERS: Record<string, OidcUser> = {
  'anna.koordinatorin@heek.de': { role: 'coordinator', ags: '05554024', name: 'Anna Koordinatorin' },
  'bernd.lenkung@legden.de': { role: 'steering-board', ags: '05554036', name: 'Bernd Lenkung' },
  'clara.pruefung@gpa.nrw.de': { role: 'auditor', name: 'Clara Prüfung' },
};

export interface OidcProvider {
  issuer: string;
  /** Signs with these keys (a second provider may share them). */
  jwks: { keys: object[] };
  /** The token endpoint's answer for `user` after the authorization code flow with PKCE, over HTTP. */
  signIn(user: string, options?: { resource?: string }): Promise<TokenSet>;
  close(): Promise<void>;
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  id_token: string;
  expires_in: number;
}

/** Redirect target of the tests' own (non-browser) sign-ins: never called, its code is read from the Location. */
const HTTP_CALLBACK = 'http://127.0.0.1/callback';

export async function startOidcProvider(options: {
  /**
   * Where the console is served: its callback and post-logout addresses are registered. A promise,
   * because the console's server needs the issuer first; requests wait for it.
   */
  consoleUrl?: string | Promise<string>;
  accessTokenSeconds?: number;
  /** false: no RP-initiated logout (no end_session_endpoint), as some providers have none. */
  logout?: boolean;
  /** A second provider that signs with the first one's keys: only its issuer differs. */
  keys?: { keys: object[] };
}): Promise<OidcProvider> {
  const { default: Provider, errors } = await import('oidc-provider');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jwks = options.keys ?? {
    keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'k1' }],
  };
  const accountClaims = (id: string) => {
    const user = OIDC_USERS[id];
    return user && { groups: ['staff', user.role], ...(user.ags ? { ikz: { ags: user.ags } } : {}) };
  };
  const configuration = (consoleUrl: string | undefined): Configuration => ({
    clients: [
      {
        client_id: CONSOLE_CLIENT,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...(consoleUrl ? [`${consoleUrl}/sign-in/callback`] : []), HTTP_CALLBACK],
        post_logout_redirect_uris: consoleUrl ? [`${consoleUrl}/sign-in?signedOut=1`] : [],
      },
    ],
    jwks: jwks,
    cookies: { keys: [randomBytes(16).toString('hex')] },
    findAccount: (_ctx, id) =>
      OIDC_USERS[id] ? { accountId: id, claims: () => ({ sub: id, name: OIDC_USERS[id].name }) } : undefined,
    claims: { openid: ['sub'], profile: ['name'] },
    // Explicit lifetimes (the defaults' notices are meant for production users).
    ttl: {
      AccessToken: options.accessTokenSeconds ?? 600,
      IdToken: 3600,
      RefreshToken: 86_400,
      Interaction: 600,
      Grant: 86_400,
      Session: 86_400,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: options.logout ?? true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== API_AUDIENCE && indicator !== OTHER_AUDIENCE) throw new errors.InvalidTarget();
          return {
            scope: 'api',
            audience: indicator,
            accessTokenTTL: options.accessTokenSeconds ?? 600,
            accessTokenFormat: 'jwt',
          };
        },
      },
    },
    extraTokenClaims: (_ctx, token) =>
      token.kind === 'AccessToken' && 'accountId' in token ? accountClaims(token.accountId) : undefined,
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // First-party client: the user is not asked to consent; a revoked grant is simply granted anew.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, result, provider } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session!.grantIdFor(client!.clientId);
      const existing = grantId ? await provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new provider.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope('openid profile offline_access');
      grant.addResourceScope(API_AUDIENCE, 'api');
      grant.addResourceScope(OTHER_AUDIENCE, 'api');
      await grant.save();
      return grant;
    },
  });
  const ready = Promise.resolve(options.consoleUrl).then((consoleUrl) => {
    const provider = new Provider(issuer, configuration(consoleUrl));
    return { provider, callback: provider.callback() };
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void ready
      .then(({ provider, callback }) =>
        req.url?.startsWith('/interaction/') ? interaction(provider, req, res) : callback(req, res),
      )
      .catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
  });
  return {
    issuer,
    jwks,
    signIn: (user, signInOptions) => codeFlow(issuer, user, signInOptions?.resource),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The login form: a user name, German, as plain as a municipality's test provider would show it. */
async function interaction(provider: ProviderType, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'POST') {
    const login = new URLSearchParams(await bodyOf(req)).get('login') ?? '';
    if (OIDC_USERS[login]) {
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html lang="de"><head><title>Testanbieter – Anmeldung</title></head><body><main>
<h1>Anmeldung beim Testanbieter</h1>
${req.method === 'POST' ? '<p role="alert">Unbekannter Benutzer.</p>' : ''}
<form method="post" action="/interaction/${details.uid}">
<label for="login">Benutzername</label> <input id="login" name="login" autocomplete="username">
<button type="submit">Weiter</button>
</form></main></body></html>`);
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * The authorization code flow with PKCE as a browser would go through it (cookies, redirects, the
 * login form), with fetch: the tests of the API side get their tokens from the provider this way.
 */
async function codeFlow(issuer: string, user: string, resource?: string): Promise<TokenSet> {
  const verifier = base64url(randomBytes(32));
  const cookies = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(url, issuer), {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const authorize = new URL('/auth', issuer);
  authorize.search = new URLSearchParams({
    client_id: CONSOLE_CLIENT,
    redirect_uri: HTTP_CALLBACK,
    response_type: 'code',
    scope: 'openid profile',
    state: base64url(randomBytes(8)),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    ...(resource ? { resource } : {}),
  }).toString();
  let response = await request(authorize.href);
  for (let hops = 0; hops < 10; hops++) {
    const location = response.headers.get('location');
    if (!location) throw new Error(`sign-in of ${user} stopped: HTTP ${response.status} ${await response.text()}`);
    if (location.startsWith(HTTP_CALLBACK)) {
      const code = new URL(location).searchParams.get('code');
      if (!code) throw new Error(`sign-in of ${user} refused: ${location}`);
      const token = await fetch(new URL('/token', issuer), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: HTTP_CALLBACK,
          client_id: CONSOLE_CLIENT,
          code_verifier: verifier,
          ...(resource ? { resource } : {}),
        }),
      });
      if (!token.ok) throw new Error(`token request refused: ${await token.text()}`);
      return (await token.json()) as TokenSet;
    }
    response = location.startsWith('/interaction/')
      ? await request(location, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login: user }).toString(),
        })
      : await request(location);
  }
  throw new Error(`sign-in of ${user}: too many redirects`);
}
