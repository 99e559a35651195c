import { QueryFailedError } from 'typeorm';

/** SQLSTATE of the error PostgreSQL raised, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const driverError =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: unknown })
      : (error as { code?: unknown } | null);
  const code = driverError?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Connection refused',
  'connect ECONNREFUSED',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
  // The driver's own query_timeout: the database did not answer at all.
  'Query read timeout',
  // TypeORM releases a transaction's query runner when its connection fails (PostgreSQL restarted
  // or ended the session); the transaction's next statement then fails with this.
  'Query runner already released',
  // …or, when the statement goes through the manager's `query`, this (QueryRunnerProviderAlreadyReleasedError).
  'Database connection provided by a query runner was already released',
];
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * The database could not be reached or went away (not: it refused the statement). Such requests
 * are answered 503, so clients retry rather than treat it as a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  // Class 08: connection exception; 57P01–57P03: shutdown, crash, not yet accepting connections.
  if (state && (state.startsWith('08') || ['57P01', '57P02', '57P03'].includes(state))) return true;
  // Duck-typed: errors of Node's own sockets need not be instances of this realm's Error.
  const inner = (error instanceof QueryFailedError ? error.driverError : error) as {
    code?: unknown;
    message?: unknown;
  } | null;
  if (typeof inner !== 'object' || inner === null) return false;
  if (typeof inner.code === 'string' && UNAVAILABLE_CODES.has(inner.code)) return true;
  const message = inner.message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}
