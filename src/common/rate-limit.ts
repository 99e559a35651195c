import { problem } from './i18n';
import { ProblemException } from './problem';

/**
 * The rate limit's shared parts: the one budget key of a caller and the 429 answer. The counters
 * are per process (the throttler's in-memory storage; docs/limits.md, "Rate limit").
 */
export const RATE_LIMIT_WINDOW_MS = 60_000;
export const RATE_LIMIT_THROTTLER = 'default';

/** A caller without a (valid) token: its address. */
export const addressTracker = (ip: string | undefined): string => `ip:${ip ?? 'unknown'}`;

/** One budget per caller across every route (the throttler's own key would be one per route). */
export const budgetKey = (tracker: string, throttler = RATE_LIMIT_THROTTLER): string => `${throttler}:${tracker}`;

export const tooManyRequests = (limit: number, seconds: number): ProblemException =>
  new ProblemException(429, 'too-many-requests', problem('too-many-requests', { limit, seconds }), {
    headers: { 'Retry-After': String(seconds) },
  });
