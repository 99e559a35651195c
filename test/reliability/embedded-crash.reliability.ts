import { PGlite } from '@electric-sql/pglite';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, freePort, ServerProcess } from '../../bench/lib/server-process';
import { issueDevelopmentToken } from '../../src/auth/token-issuer';
import { COORD_HEEK, OPENING } from '../fixtures/building-yard.scenario';
import { REPEATABLE_EVENT } from './support/repeatable-event';

/*
 * The embedded default as users run it: `node dist/src/main.js` on a data directory, stopped by a
 * signal or killed. PGlite corrupts its folder when the process dies mid-write without close(),
 * so: clean stops must close it, a SIGKILL must lose nothing acknowledged (or the server must say
 * exactly what happened and how to recover), and a damaged folder is named, never a bare Aborted().
 */

const SECRET = randomBytes(32).toString('hex');
const UNCLEAN = 'ended without closing the embedded database';

interface HistoryItem {
  sequence: number;
  idempotencyKey: string | null;
}

describe('the embedded server process: signals, SIGKILL under load, a damaged data directory', () => {
  let directory: string;
  let token: string;
  let auditor: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    ensureBuilt();
    token = await issueDevelopmentToken(COORD_HEEK as never, SECRET);
    auditor = await issueDevelopmentToken({ sub: 'rpa-auditor', role: 'auditor' }, SECRET);
  });
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'ikz-crash-'))));
  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  const start = async () => {
    server = ServerProcess.spawn({
      port: await freePort(),
      env: {
        DATABASE_URL: undefined,
        IKZ_DATA_DIR: directory,
        JWT_SECRET: SECRET,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '1000000000',
      },
    });
    await server.waitHealthy(60_000);
    return server;
  };
  const call = async (path: string, init: { method?: string; key?: string; body?: string; as?: string } = {}) => {
    const res = await fetch(`${server!.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.as ?? token}`,
        'content-type': 'application/json',
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      body: init.body,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of several shapes, checked by the tests
    return { status: res.status, body: (await res.json()) as any };
  };
  const open = async () => {
    const { title, fieldOfWork, motive, description } = OPENING.input;
    const res = await call('/api/v1/cooperations', {
      method: 'POST',
      body: JSON.stringify({ title, fieldOfWork, motive, description }),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const send = (id: string, key = randomUUID()) =>
    call(`/api/v1/cooperations/${id}/events`, { method: 'POST', key, body: REPEATABLE_EVENT });
  const history = async (id: string): Promise<HistoryItem[]> => {
    const items: HistoryItem[] = [];
    for (;;) {
      const page = await call(`/api/v1/cooperations/${id}/history?limit=100&after=${items.length}`, { as: auditor });
      expect(page.status).toBe(200);
      items.push(...(page.body.items as HistoryItem[]));
      if (page.body.next === null) return items;
    }
  };
  const verify = async (id: string) => (await call(`/api/v1/cooperations/${id}/history/verify`, { as: auditor })).body;

  it('closes PGlite and releases the lock on SIGTERM, SIGHUP and SIGINT; the data is intact on restart', async () => {
    await start();
    const id = await open();
    let expected = 1;
    for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
      for (let i = 0; i < 3; i++) expect((await send(id)).status).toBe(200);
      expected += 3;
      const exit = await server!.stop(signal);
      expect(exit.signal ?? exit.code).not.toBe('SIGKILL');
      expect(existsSync(join(directory, 'server.lock'))).toBe(false);

      await start();
      expect(await verify(id)).toMatchObject({ valid: true, entries: expected });
      expect(server!.lastOutput).not.toContain(UNCLEAN);
    }
  });

  it('keeps every acknowledged transition when killed with SIGKILL under load', async () => {
    await start();
    const ids = [await open(), await open(), await open()];
    const acknowledged = new Map<string, string>();
    let loading = true;
    const clients = Array.from({ length: 8 }, async (_, n) => {
      while (loading) {
        const id = ids[n % ids.length];
        const key = randomUUID();
        try {
          if ((await send(id, key)).status === 200) acknowledged.set(key, id);
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1_500));
    await server!.stop('SIGKILL');
    loading = false;
    await Promise.all(clients);
    expect(acknowledged.size).toBeGreaterThan(10);

    try {
      await start();
    } catch (error) {
      // PGlite could not recover: then the server must say what happened and how to recover.
      expect(String(error)).toContain(`The embedded database in ${directory} cannot be opened`);
      expect(String(error)).toContain('npm run restore');
      return;
    }
    expect(server!.lastOutput).toContain(UNCLEAN);
    const keys = new Map<string, number>();
    for (const id of ids) {
      const entries = await history(id);
      expect(entries.map((e) => e.sequence)).toEqual(entries.map((_, i) => i + 1));
      expect(await verify(id)).toMatchObject({ valid: true, entries: entries.length });
      for (const e of entries) if (e.idempotencyKey) keys.set(e.idempotencyKey, (keys.get(e.idempotencyKey) ?? 0) + 1);
    }
    const lost = [...acknowledged.keys()].filter((k) => keys.get(k) !== 1);
    expect(lost).toEqual([]);
    expect([...keys.values()].every((n) => n === 1)).toBe(true);
  });

  it('names the folder, the likely cause and the recovery when PGlite cannot open it — never a bare Aborted()', async () => {
    const db = await PGlite.create(join(directory, 'pglite'));
    await db.exec('CREATE TABLE t (x int); INSERT INTO t VALUES (1)');
    await db.close();
    // What a death mid-write can leave behind: a write-ahead log segment without its content.
    const wal = join(directory, 'pglite', 'pg_wal');
    const segment = readdirSync(wal).find((name) => /^[0-9A-F]{24}$/.test(name))!;
    truncateSync(join(wal, segment), 0);

    await expect(start()).rejects.toThrow(/server exited/);
    const output = server!.lastOutput;
    expect(server!.exit).toMatchObject({ code: 1 });
    expect(output).toContain(`The embedded database in ${directory} cannot be opened`);
    expect(output).toContain('Likely cause');
    expect(output).toContain(`mv ${directory} ${directory}.damaged`);
    expect(output).toContain('npm run restore');
    expect(existsSync(join(directory, 'server.lock'))).toBe(false);
  });
});
