import { parentPort } from 'node:worker_threads';
import { checkRows, type RawHistoryRow } from './raw-history-row';

/** A ChainHasher worker: recomputes and checks the hashes of the batches it is sent, in order. */
parentPort!.on('message', ({ id, rows }: { id: number; rows: RawHistoryRow[] }) => {
  const checked = checkRows(rows);
  parentPort!.postMessage({ id, checked }, [checked.confirmed.buffer]);
});
