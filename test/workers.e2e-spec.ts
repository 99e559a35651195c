import { freePort } from '../bench/lib/server-process';
import { spawnServer, waitForStatus } from './support/server-start';
import { testDatabase } from './support/test-database';
import { onRealPostgres } from './support/test-app';

/*
 * WORKERS=2 as an operator starts it (src/workers.ts): two server processes share one port and
 * both answer, and SIGTERM stops them all. Only on PostgreSQL — the embedded default refuses
 * WORKERS (src/workers.spec.ts).
 */
const describeOnPostgres = onRealPostgres() ? describe : describe.skip;

describeOnPostgres('WORKERS=2: two server processes on one port', () => {
  it('starts both (the second is not refused by the port check), both answer, SIGTERM ends them', async () => {
    const database = testDatabase();
    const port = await freePort();
    const server = spawnServer({
      ...database.settings,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: String(port),
      WORKERS: '2',
    });
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    try {
      const pids = (pattern: RegExp) =>
        new Set(
          server
            .output()
            .split('\n')
            .filter((line) => pattern.test(line))
            .map((line) => (JSON.parse(line) as { pid: number }).pid),
        );
      const banners = () => pids(/"context":"Bootstrap"/);
      const deadline = Date.now() + 60_000;
      while (banners().size < 2 && Date.now() < deadline && server.exitCode === null) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect({ banners: banners().size, output: server.exitCode === null ? '' : server.output() }).toEqual({
        banners: 2,
        output: '',
      });
      // The primary hands connections to its workers in turn: new connections reach both.
      for (let i = 0; i < 20; i++) {
        const res = await waitForStatus(`http://127.0.0.1:${port}/health/live`, (s) => s === 200);
        expect(res.status).toBe(200);
      }
      expect(pids(/"url":"\/health\/live"/).size).toBe(2);
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      server.kill('SIGKILL');
      await database.release();
    }
  });
});
