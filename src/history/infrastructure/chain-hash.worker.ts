import { parentPort } from 'node:worker_threads';
import { type RawHistoryRow, recomputeRaw } from './raw-history-row';

/** A ChainHasher worker: recomputes the hashes of the batches it is sent, in order. */
parentPort!.on('message', ({ id, rows }: { id: number; rows: RawHistoryRow[] }) => {
  parentPort!.postMessage({ id, hashes: rows.map(recomputeRaw) });
});
