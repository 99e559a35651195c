import { nextAttemptAt } from './retry';

describe('the retry schedule', () => {
  const policy = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 8 };
  const now = new Date('2030-01-01T00:00:00Z');
  const wait = (attempts: number) => (nextAttemptAt(policy, attempts, now)?.getTime() ?? NaN) - now.getTime();

  it('doubles from the base after each failed attempt, capped at the maximum', () => {
    expect([1, 2, 3, 4, 7].map(wait)).toEqual([30_000, 60_000, 120_000, 240_000, 1_920_000]);
    expect(wait(7)).toBeLessThanOrEqual(policy.maxMs);
    expect(nextAttemptAt({ ...policy, maxAttempts: 100 }, 20, now)!.getTime() - now.getTime()).toBe(policy.maxMs);
  });

  it('parks the delivery after the last attempt', () => {
    expect(nextAttemptAt(policy, 8, now)).toBeNull();
  });
});
