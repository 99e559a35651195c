import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../bench/lib/server-process';
import { VERSION } from '../src/common/version';
import { spawnServer, startAndWait, waitForStatus, type StartResult } from './support/server-start';
import { onRealPostgres } from './support/test-app';

/*
 * The server as a user starts it, failing: each fatal start-up error is one line on stderr naming
 * the cause and the fix, the exit code is 1, and the embedded database's folder is left unlocked
 * (never opened at all when the failure could be seen before). Independent of the database the
 * suite runs on, so it runs in the embedded run only.
 */
const describeOnce = onRealPostgres() ? describe.skip : describe;
const UNCLEAN = 'ended without closing the embedded database';

describeOnce('start-up: one line per fatal error, no stale lock, banner, health while draining', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'ikz-start-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const embedded = async (extra: Record<string, string> = {}) => ({
    DATABASE_URL: undefined,
    DATABASE_SCHEMA: undefined,
    IKZ_DATA_DIR: join(folder, 'data'),
    PORT: String(await freePort()),
    ...extra,
  });

  /** Exit code 1 and exactly one line, on stderr, matching every pattern; nothing on stdout. */
  function expectOneLine(result: StartResult, ...patterns: RegExp[]): void {
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: /);
    for (const pattern of patterns) expect(lines[0]).toMatch(pattern);
  }
  const untouched = () => {
    expect(existsSync(join(folder, 'data', 'server.lock'))).toBe(false);
    expect(existsSync(join(folder, 'data', 'pglite'))).toBe(false);
  };

  it('port in use: says which port and how to choose another, before opening the embedded database', async () => {
    const holder: Server = createServer();
    const port = await freePort();
    await new Promise<void>((r) => holder.listen(port, '127.0.0.1', r));
    try {
      const result = await startAndWait(await embedded({ PORT: String(port) }));
      expectOneLine(result, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`), /PORT=\d+ npm start/);
      untouched();
    } finally {
      holder.close();
    }
  });

  it('DATABASE_URL with another scheme: names the scheme and the two ways out', async () => {
    const result = await startAndWait(await embedded({ DATABASE_URL: 'mysql://root:secret@localhost/ikz' }));
    expectOneLine(result, /DATABASE_URL starts with mysql:\/\//, /unset DATABASE_URL/);
    expect(result.stderr).not.toContain('secret');
  });

  it('DATABASE_URL unreachable: names the database (without its password) and what to do', async () => {
    const port = await freePort();
    const result = await startAndWait(await embedded({ DATABASE_URL: `postgres://ikz:secret@127.0.0.1:${port}/ikz` }));
    expectOneLine(
      result,
      new RegExp(`Cannot reach the database postgres://ikz@127\\.0\\.0\\.1:${port}/ikz \\(connection refused\\)`),
      /Start PostgreSQL/,
    );
    expect(result.stderr).not.toContain('secret');
  });

  it('data folder not writable: names the folder and the fix', async () => {
    writeFileSync(join(folder, 'a-file'), '');
    const result = await startAndWait(await embedded({ IKZ_DATA_DIR: join(folder, 'a-file', 'data') }));
    expectOneLine(result, /The data folder .*a-file\/data cannot be created or written \(ENOTDIR\)/, /IKZ_DATA_DIR/);
  });

  it('data folder held by another process: names the process and leaves its lock alone', async () => {
    const other = spawn('sleep', ['60']);
    try {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(folder, 'data'));
      const lock = { pid: other.pid, hostname: hostname(), startedAt: '2026-12-01T08:00:00.000Z' };
      writeFileSync(join(folder, 'data', 'server.lock'), JSON.stringify(lock));
      const result = await startAndWait(await embedded());
      expectOneLine(
        result,
        new RegExp(`in use by process ${other.pid}`),
        /stop that server first, or give this one another IKZ_DATA_DIR/,
      );
      expect(existsSync(join(folder, 'data', 'server.lock'))).toBe(true);
      expect(existsSync(join(folder, 'data', 'pglite'))).toBe(false);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('a JWT_PUBLIC_KEY or JWT_JWKS_URL that cannot be used stops the start (not every request later)', async () => {
    const key = await startAndWait(await embedded({ JWT_PUBLIC_KEY: 'not-a-key' }));
    expectOneLine(key, /JWT_PUBLIC_KEY is not a PEM RS256 public key/, /BEGIN PUBLIC KEY/);
    const jwks = await startAndWait(await embedded({ JWT_JWKS_URL: 'ftp://idp.example/jwks' }));
    expectOneLine(jwks, /JWT_JWKS_URL must be an https:\/\//);
    untouched();
  });

  it('a failure after the embedded database opened closes it: no lock left, no false warning at the next start', async () => {
    const failed = await startAndWait(await embedded({ AUDIT_SIGNING_KEY: join(folder, 'missing-key.pem') }));
    expectOneLine(failed, /AUDIT_SIGNING_KEY is neither a PEM key nor a readable file/);
    expect(existsSync(join(folder, 'data', 'pglite'))).toBe(true);
    expect(existsSync(join(folder, 'data', 'server.lock'))).toBe(false);

    // The next start: no word of an unclosed database, one banner, health with the version, and
    // on SIGTERM /health/ready is 503 while the server drains.
    const env = await embedded({ SHUTDOWN_DRAIN_MS: '3000' });
    const url = `http://127.0.0.1:${env.PORT}`;
    const server = spawnServer(env);
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    try {
      expect((await waitForStatus(`${url}/health/ready`, (s) => s === 200)).status).toBe(200);
      const live = await fetch(`${url}/health/live`);
      expect(await live.json()).toEqual({ status: 'ok', version: VERSION });
      const ready = (await (await fetch(`${url}/health/ready`)).json()) as Record<string, unknown>;
      expect(ready).toMatchObject({ status: 'ok', version: VERSION });

      server.kill('SIGTERM');
      const draining = await waitForStatus(`${url}/health/ready`, (s) => s === 503, 2_500);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toMatchObject({ status: 503, draining: true, version: VERSION });
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      expect(await exited).toBe(0);
    } finally {
      server.kill('SIGKILL');
    }
    const output = server.output();
    expect(output).not.toContain(UNCLEAN);
    expect(output.match(/IKZ lifecycle engine \S+ läuft auf \/ listening on/g)).toHaveLength(1);
    expect(output).toContain('DEVELOPMENT SECRET in use');
    expect(output).toContain('npm run -s token -- --role coordinator');
    // Route mapping is debug chatter, not the info log.
    expect(output).not.toContain('Mapped {');
    expect(existsSync(join(folder, 'data', 'server.lock'))).toBe(false);
  }, 120_000);
});
