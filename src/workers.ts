import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/*
 * WORKERS=<n|auto>: n server processes sharing one port (node:cluster), one per core with `auto`
 * (docs/performance.md: one Node process is CPU-bound long before PostgreSQL is). Only on
 * PostgreSQL: the embedded database belongs to one process. The timer scheduler and the outbox
 * dispatchers claim their work with `FOR UPDATE SKIP LOCKED`, so they stay exactly-once across
 * processes as across servers (the reliability suite runs two).
 */

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** How many server processes WORKERS asks for; a line for the log when it cannot be followed. */
export function serverProcesses(env: NodeJS.ProcessEnv): { count: number; note?: string } {
  const setting = env.WORKERS?.trim();
  if (!setting || setting === '1') return { count: 1 };
  const count = setting === 'auto' ? availableParallelism() : /^\d+$/.test(setting) ? Number(setting) : NaN;
  if (!Number.isInteger(count) || count < 1) {
    return { count: 1, note: `WORKERS=${setting} is neither a number nor "auto": starting one server process.` };
  }
  if (!env.DATABASE_URL) {
    return {
      count: 1,
      note: `WORKERS=${setting} needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process, so one server process starts.`,
    };
  }
  return { count };
}

/**
 * Runs `start` in this process, or, as the primary of WORKERS > 1, in that many worker processes:
 * the first one alone (it runs the migrations), the others once it listens. A worker that dies is
 * replaced; one that dies before listening stops them all (a misconfiguration, not a crash). Stop
 * signals are passed on, and the primary ends when its workers have.
 */
export async function runServers(start: () => Promise<void>): Promise<void> {
  if (cluster.isWorker) return start();
  const { count, note } = serverProcesses(process.env);
  if (note) console.warn(note);
  if (count === 1) return start();
  console.log(`Starting ${count} server processes (WORKERS=${process.env.WORKERS}) on one port`);
  let stopping = false;
  const listening = new Set<number>();
  let all = false;
  const fork = () => cluster.fork();
  cluster.on('listening', (worker: Worker) => {
    listening.add(worker.id);
    if (all) return;
    all = true;
    for (let i = 1; i < count; i++) fork();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!listening.has(worker.id)) {
      console.error(`A server process ended before it listened (code ${code}); stopping.`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    console.warn(`Server process ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another.`);
    fork();
  });
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    });
  }
  fork();
  return Promise.resolve();
}
