import cluster from 'node:cluster';
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { InvalidKeySetting, loadVerificationKey } from '../auth/token-verifier';
import type { Environment } from '../config/configuration';
import { DataDirectoryInUseError, DataDirectoryLock } from '../database/data-directory-lock';

/** A start-up failure an operator can fix: what is wrong and what to do, printed as one line. */
export class StartupError extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason}. ${fix}`);
    this.name = 'StartupError';
  }
}

/**
 * Everything that can be checked before the server opens its database, in the order a user meets
 * it: the identity provider's key, the database URL, the port, the data folder, the database. The
 * port comes before the embedded database, so that a port clash never leaves PGlite's folder
 * opened (and a later start warning about a process that "ended without closing" it).
 */
export async function preflight(env: Environment): Promise<void> {
  await checkTokenKeys(env);
  if (env.DATABASE_URL) checkDatabaseUrl(env.DATABASE_URL);
  await checkPort(env.HOST, env.PORT);
  if (!env.DATABASE_URL && env.IKZ_DATA_DIR !== ':memory:') checkDataFolder(env.IKZ_DATA_DIR);
  if (env.DATABASE_URL) await checkDatabaseReachable(env.DATABASE_URL);
}

async function checkTokenKeys(env: Environment): Promise<void> {
  try {
    await loadVerificationKey(env);
  } catch (error) {
    if (!(error instanceof InvalidKeySetting)) throw error;
    throw new StartupError(
      error.message,
      error.setting === 'JWT_PUBLIC_KEY'
        ? 'Set the identity provider\'s RS256 public key as PEM ("-----BEGIN PUBLIC KEY-----…", line breaks as \\n), or unset JWT_PUBLIC_KEY'
        : 'Set the JWKS address of the identity provider, e.g. https://login.example/realms/ikz/protocol/openid-connect/certs, or unset JWT_JWKS_URL',
    );
  }
}

/** Where DATABASE_URL points, without its password: for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function checkDatabaseUrl(url: string): void {
  const fix =
    'Give a PostgreSQL URL such as postgres://user:password@host:5432/ikz, or unset DATABASE_URL to use the embedded database';
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    throw new StartupError('DATABASE_URL is not a URL', fix);
  }
  if (scheme !== 'postgres:' && scheme !== 'postgresql:') {
    throw new StartupError(`DATABASE_URL starts with ${scheme}// — only PostgreSQL (postgres://) is supported`, fix);
  }
}

async function checkPort(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const error = await new Promise<NodeJS.ErrnoException | null>((done) => {
    const probe = createServer();
    probe.once('error', done);
    // A cluster worker's listen goes through the primary, which shares the port between its
    // workers (WORKERS, src/workers.ts): an exclusive probe would find it taken by the first one.
    probe.listen({ host, port, exclusive: !cluster.isWorker }, () => probe.close(() => done(null)));
  });
  if (error) throw portError(error, host, port);
}

/** The one line for a port the server cannot listen on (also for a failed `listen` itself). */
export function portError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError(
        `Port ${port} on ${host} is already in use (another server, or this one started twice)`,
        `Stop that process (e.g. find it with: lsof -i :${port}), or start on another port: PORT=${port + 1} npm start`,
      );
    case 'EACCES':
      return new StartupError(
        `Port ${port} on ${host} needs privileges this process does not have`,
        'Use a port above 1023 (PORT=3000) and, for port 80 or 443, a reverse proxy in front',
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError(
        `HOST=${host} is not an address of this machine`,
        'Set HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every network interface)',
      );
    default:
      return error;
  }
}

function checkDataFolder(directory: string): void {
  const folder = resolve(directory);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    // access() trusts the mode bits; a read-only mount only shows when writing.
    const probe = join(folder, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartupError(
      `The data folder ${folder} cannot be created or written (${code})`,
      "Give the server's user write access to it, or set IKZ_DATA_DIR to a writable folder (or DATABASE_URL for PostgreSQL)",
    );
  }
  const holder = DataDirectoryLock.liveHolder(folder);
  if (holder) throw new DataDirectoryInUseError(folder, holder);
}

async function checkDatabaseReachable(url: string): Promise<void> {
  const where = describeDatabaseUrl(url);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason =
      e.code === 'ECONNREFUSED'
        ? 'connection refused'
        : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN'
          ? 'unknown host'
          : /timeout/i.test(e.message)
            ? 'no answer within 5 s'
            : e.message;
    const fix =
      e.code === '3D000'
        ? `Create it (createdb ${new URL(url).pathname.slice(1)}) or correct DATABASE_URL`
        : e.code === '28P01' || e.code === '28000'
          ? "Correct the user and password in DATABASE_URL (or the server's pg_hba.conf)"
          : 'Start PostgreSQL there or correct DATABASE_URL; unset DATABASE_URL to use the embedded database';
    throw new StartupError(`Cannot reach the database ${where} (${reason})`, fix);
  } finally {
    await client.end().catch(() => undefined);
  }
}
