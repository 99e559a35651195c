import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../i18n';
import type { components, paths } from './openapi';
import { readSession, sessionExpired } from './session';

export type Schemas = components['schemas'];

/** Bearer token and the user's language on every request; a 401 ends the session. */
const middleware: Middleware = {
  onRequest({ request }) {
    const session = readSession();
    if (session && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${session.token}`);
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
export function authHeaders(): Record<string, string> {
  const session = readSession();
  return {
    ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
    'Accept-Language': i18n.language,
  };
}
