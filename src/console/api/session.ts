/**
 * The signed-in user, kept in sessionStorage (one browser tab, gone when it closes). A 401 from
 * the API, or a refresh the OpenID provider refuses, ends the session; the app then sends the user
 * to the sign-in page and back.
 */
export interface Session {
  token: string;
  sub: string;
  role: 'coordinator' | 'steering-board' | 'auditor' | 'admin';
  municipality: string | null;
  municipalityName: string | null;
  expiresAt: string;
  /** Signed in at the OpenID provider: the refresh token (if it issues one) and the ID token for sign-out. */
  refreshToken?: string;
  idToken?: string;
}

const KEY = 'ikz.session';
const listeners = new Set<() => void>();
const EXPIRED = 'ikz.session-expired';
const RESUME = 'ikz.resume';

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function writeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** An expired or refused token: the pages then send the user to sign-in, which says why. */
export function sessionExpired(): void {
  sessionStorage.setItem(EXPIRED, '1');
  sessionStorage.setItem(RESUME, window.location.pathname + window.location.search);
  writeSession(null);
}

/**
 * Whether this page is the one an expired session interrupted: a form then goes on with the
 * version it had read (If-Match); any other visit reads the current one. Asking forgets it.
 */
export function resumesAfterSignIn(path: string): boolean {
  const resumed = sessionStorage.getItem(RESUME) === path;
  sessionStorage.removeItem(RESUME);
  return resumed;
}

/** Whether the last session ended by expiring; reading it forgets it once a new session starts. */
export function sessionHadExpired(): boolean {
  return sessionStorage.getItem(EXPIRED) === '1';
}

export function clearExpired(): void {
  sessionStorage.removeItem(EXPIRED);
}

/** Form input that must survive a sign-in in between (sessionStorage, per form). */
export const draftStore = {
  read<T>(key: string): T | undefined {
    const raw = sessionStorage.getItem(`ikz.draft.${key}`);
    return raw ? (JSON.parse(raw) as T) : undefined;
  },
  write(key: string, value: unknown): void {
    sessionStorage.setItem(`ikz.draft.${key}`, JSON.stringify(value));
  },
  clear(key: string): void {
    sessionStorage.removeItem(`ikz.draft.${key}`);
  },
};
