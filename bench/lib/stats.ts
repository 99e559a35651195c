/** Percentile of already sorted samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface LoadResult {
  /** Completed operations per second over the measured window. */
  throughput: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  seconds: number;
}

/**
 * Runs `operation` from `workers` concurrent loops for `seconds`, timing each call (ms). A call
 * that throws counts as failed; the loops stop by themselves.
 */
export async function closedLoop(
  workers: number,
  seconds: number,
  operation: (worker: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: unknown;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await operation(worker);
          latencies.push(performance.now() - t0);
        } catch (error) {
          failed++;
          firstError ??= error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (failed > 0) console.warn(`  ${failed} operations failed; first: ${String(firstError)}`);
  latencies.sort((a, b) => a - b);
  return {
    throughput: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok: latencies.length,
    failed,
    seconds: elapsed,
  };
}
