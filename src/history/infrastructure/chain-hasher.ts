import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Recomputed } from '../domain/hash-chain';
import { type CheckedRows, type RawHistoryRow, recomputedOf, recomputeRaw } from './raw-history-row';

/** Row i's recomputed hash (or why it cannot be computed), for the rows of one batch. */
export type RecomputedBatch = (i: number) => Recomputed;

interface Task {
  resolve: (batch: RecomputedBatch) => void;
  rows: RawHistoryRow[];
}

/** In the calling thread: each row when the verifier asks for it (a broken chain stops asking). */
const inThisThread =
  (rows: readonly RawHistoryRow[]): RecomputedBatch =>
  (i) =>
    recomputeRaw(rows[i]);

/** How many worker threads hash: IKZ_VERIFY_WORKERS (0: in the calling thread), else one per core up to 4. */
function poolSize(): number {
  const setting = process.env.IKZ_VERIFY_WORKERS;
  if (setting !== undefined && /^\d+$/.test(setting)) return Number(setting);
  return Math.min(4, Math.max(1, availableParallelism()));
}

/**
 * Recomputes history hashes in worker threads, beside the thread that reads the rows: parsing
 * and hashing a row costs ≈ 10 µs, which bounds one thread near 50 000 entries/s
 * (docs/performance.md). Workers are started on first use and hold the process open only while
 * they have work. A worker that fails is replaced by hashing in the calling thread: verification
 * answers either way.
 */
export class ChainHasher {
  private static readonly pools = new Map<number, ChainHasher>();
  private readonly workers: Array<{ worker: Worker; pending: Map<number, Task> }> = [];
  private next = 0;
  private ids = 0;
  /** Set when a worker failed: from then on this thread hashes (a broken install, not a transient). */
  private failed = false;

  private constructor(readonly size: number) {}

  /** The process's hasher (of the size IKZ_VERIFY_WORKERS asks for now: the bench compares sizes in one run). */
  static shared(): ChainHasher {
    const size = poolSize();
    let pool = ChainHasher.pools.get(size);
    if (!pool) {
      pool = new ChainHasher(size);
      ChainHasher.pools.set(size, pool);
    }
    return pool;
  }

  /** How many batches can be hashed at once. */
  get parallelism(): number {
    return Math.max(1, this.size);
  }

  /** Whether batches go to worker threads (false: configured off, or a worker failed). */
  get threaded(): boolean {
    return this.size > 0 && !this.failed;
  }

  /**
   * The batch's rows recomputed by a worker, answered as the stored hashes it confirmed (a bitmap)
   * and the recomputation of the others only: this thread, which also reads the rows, does not
   * deserialize an object and a hash string per row.
   */
  recompute(rows: RawHistoryRow[]): Promise<RecomputedBatch> {
    const slot = this.size > 0 && !this.failed ? this.slot() : null;
    if (!slot) return Promise.resolve(inThisThread(rows));
    return new Promise((resolve) => {
      const id = ++this.ids;
      slot.pending.set(id, { resolve, rows });
      slot.worker.ref();
      slot.worker.postMessage({ id, rows });
    });
  }

  private slot() {
    const i = this.next++ % this.size;
    if (!this.workers[i]) {
      try {
        this.workers[i] = this.start();
      } catch {
        return null;
      }
    }
    return this.workers[i];
  }

  private start() {
    // Under ts-node-like loaders (tests, scripts) the worker is TypeScript too and needs the same loader.
    const typescript = __filename.endsWith('.ts');
    const worker = new Worker(join(__dirname, `chain-hash.worker${typescript ? '.ts' : '.js'}`), {
      ...(typescript ? { execArgv: ['-r', '@swc-node/register'] } : {}),
    });
    const slot = { worker, pending: new Map<number, Task>() };
    worker.unref();
    worker.on('message', ({ id, checked }: { id: number; checked: CheckedRows }) => {
      const task = slot.pending.get(id);
      task?.resolve(recomputedOf(task.rows, checked));
      slot.pending.delete(id);
      if (slot.pending.size === 0) worker.unref();
    });
    const fail = () => {
      this.failed = true;
      for (const task of slot.pending.values()) task.resolve(inThisThread(task.rows));
      slot.pending.clear();
    };
    worker.on('error', fail);
    return slot;
  }
}
