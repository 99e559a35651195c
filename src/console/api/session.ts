/**
 * The signed-in user, kept in sessionStorage (one browser tab, gone when it closes). A 401 from
 * the API ends the session; the app then sends the user to the sign-in page and back.
 */
export interface Session {
  token: string;
  sub: string;
  role: 'coordinator' | 'steering-board' | 'auditor' | 'admin';
  municipality: string | null;
  municipalityName: string | null;
  expiresAt: string;
}

const KEY = 'ikz.session';
const listeners = new Set<() => void>();
let expiredHandler: (() => void) | undefined;

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

/** The app's reaction to an expired or refused token (navigating to the sign-in page). */
export function onSessionExpired(handler: () => void): void {
  expiredHandler = handler;
}

export function sessionExpired(): void {
  writeSession(null);
  expiredHandler?.();
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
