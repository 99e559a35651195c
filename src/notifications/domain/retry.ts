/*
 * The retry schedule of a delivery (docs/notifications.md, "Retries"): after the n-th failed
 * attempt the next one waits base × 2^(n−1), at most `max`; after `maxAttempts` attempts the
 * delivery is parked as failed (an operator may redeliver it).
 */

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/** When the attempt after the `attempts`-th failed one is due, or null when the delivery is parked. */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, now: Date): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.baseMs * 2 ** Math.min(attempts - 1, 30), policy.maxMs);
  return new Date(now.getTime() + delay);
}
