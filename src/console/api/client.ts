import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../i18n';
import type { components, paths } from './openapi';
import { readSession, sessionExpired, type Session } from './session';

export type Schemas = components['schemas'];

/**
 * The session with an access token that is still good: refreshed first when it is about to run
 * out and the OpenID provider gave a refresh token; null once the provider refuses.
 */
export async function currentSession(): Promise<Session | null> {
  const session = readSession();
  if (!session?.refreshToken) return session;
  const oidc = await import('./oidc');
  return oidc.expiresSoon(session) ? oidc.refreshSession() : session;
}

/** Bearer token and the user's language on every request; a 401 ends the session. */
const middleware: Middleware = {
  async onRequest({ request }) {
    if (!request.headers.has('Authorization')) {
      const session = await currentSession();
      if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    }
    request.headers.set('Accept-Language', i18n.language);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) sessionExpired();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '/' });
api.use(middleware);

/** An RFC 9457 problem document as the API answers errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; messages: string[] }[];
  obligations?: Schemas['UnmetObligationDto'][];
  currentVersion?: number;
}

/** Thrown by `unwrap` so that the query cache shows the problem. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    throw new ProblemError(
      (error as Problem | undefined) ?? { type: 'about:blank', title: response.statusText, status: response.status },
    );
  }
  return data as T;
}

/** Headers every request needs that openapi-fetch cannot add (XMLHttpRequest uploads, downloads). */
export async function authHeaders(): Promise<Record<string, string>> {
  const session = await currentSession();
  return {
    ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
    'Accept-Language': i18n.language,
  };
}
