import type { INestApplication } from '@nestjs/common';
import { Readiness } from '../health';

/** SIGHUP too: a closed terminal must not leave the embedded database unclosed. */
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/**
 * The graceful stop on SIGTERM, SIGINT or SIGHUP: `/health/ready` turns 503 at once, requests are
 * still served for `drainMs` (so a load balancer can notice), then the application closes — HTTP
 * server, schedulers, pool, embedded database — and the process exits. If that takes longer than
 * `graceMs`, the process exits with 1 regardless.
 */
export function stopOnSignals(app: INestApplication, { drainMs, graceMs }: { drainMs: number; graceMs: number }): void {
  let stopping = false;
  const stop = async () => {
    // A second Ctrl-C (or a terminal closing meanwhile) must not kill the process while the
    // embedded database is being closed: that is how PGlite's folder gets damaged. The listener
    // stays, so such signals are ignored; the process ends once everything is closed.
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), drainMs + graceMs).unref();
    app.get(Readiness).drain();
    if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
    await app.close();
    process.exit(0);
  };
  for (const signal of SIGNALS) process.on(signal, () => void stop());
}
