import { availableParallelism } from 'node:os';
import { serverProcesses } from './workers';

describe('WORKERS', () => {
  const pg = { DATABASE_URL: 'postgres://db/ikz' };

  it('runs n processes, or one per core with auto, on PostgreSQL', () => {
    expect(serverProcesses({ ...pg, WORKERS: '3' })).toEqual({ count: 3 });
    expect(serverProcesses({ ...pg, WORKERS: 'auto' })).toEqual({ count: availableParallelism() });
    expect(serverProcesses({ ...pg })).toEqual({ count: 1 });
  });

  it('refuses with one line on the embedded default and for a bad value, and starts one process', () => {
    expect(serverProcesses({ WORKERS: 'auto' })).toEqual({ count: 1, note: expect.stringMatching(/needs PostgreSQL/) });
    expect(serverProcesses({ ...pg, WORKERS: 'many' })).toEqual({ count: 1, note: expect.stringMatching(/"auto"/) });
    expect(serverProcesses({ ...pg, WORKERS: '0' })).toEqual({ count: 1, note: expect.stringMatching(/"auto"/) });
  });
});
