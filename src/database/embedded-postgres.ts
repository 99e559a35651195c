import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataDirectoryLock, type LockHolder } from './data-directory-lock';

/**
 * PGlite could not open an existing data directory (typically `RuntimeError: Aborted()` while it
 * replays its write-ahead log). Says which folder, the likely cause and how to recover.
 */
export class EmbeddedDatabaseDamagedError extends Error {
  constructor(
    readonly directory: string,
    readonly previousServer: LockHolder | null,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    const previous = previousServer
      ? `The previous server (process ${previousServer.pid}, started ${previousServer.startedAt}) ended without ` +
        `closing the database (killed, crashed, or the machine lost power). `
      : '';
    super(
      `The embedded database in ${directory} cannot be opened: PGlite failed while starting on it (${reason}). ` +
        previous +
        `Likely cause: the folder was left mid-write — a server killed with SIGKILL or out of memory, a power loss, ` +
        `or two processes using the folder at once — and PGlite could not recover its write-ahead log. ` +
        `To recover: stop every process using ${directory}; move the folder aside ` +
        `(mv ${directory} ${directory}.damaged), keep it for analysis, and either restore your last backup into a ` +
        `new folder (npm run restore -- --in <backup.sql>) or start with an empty database. ` +
        `See "Backups" in README.md.`,
    );
    this.name = 'EmbeddedDatabaseDamagedError';
  }
}

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL
 * wire protocol on a loopback port, so the server talks to it through the same `pg` driver,
 * TypeORM migrations and SQL as to a real PostgreSQL.
 *
 * PGlite has one backend session: transactions from different connections would interleave on it,
 * so clients must use a pool of exactly one connection (see `embeddedPoolSize`).
 */
export class EmbeddedPostgres {
  static readonly poolSize = 1;

  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lock: DataDirectoryLock | null,
    readonly url: string,
    readonly dataDirectory: string | null,
    /** Set when the previous server on this directory died without closing it (PGlite recovered). */
    readonly recoveredFrom: LockHolder | null = null,
  ) {}

  /** `directory` null: an in-memory database that is gone when stopped (tests). */
  static async start(directory: string | null): Promise<EmbeddedPostgres> {
    const root = directory === null ? null : resolve(directory);
    const lock = root === null ? null : DataDirectoryLock.acquire(root);
    try {
      const dataPath = root === null ? undefined : join(root, 'pglite');
      const existing = dataPath !== undefined && existsSync(join(dataPath, 'PG_VERSION'));
      let db: PGlite;
      try {
        db = await PGlite.create(dataPath);
      } catch (error) {
        if (existing) throw new EmbeddedDatabaseDamagedError(root!, lock?.tookOverFrom ?? null, error);
        throw error;
      }
      const server = new PGLiteSocketServer({
        db,
        host: '127.0.0.1',
        port: 0,
        maxConnections: EmbeddedPostgres.poolSize,
      });
      await server.start();
      const address = (server as unknown as { server: import('node:net').Server }).server.address();
      if (address === null || typeof address === 'string') throw new Error('PGlite socket server has no TCP address');
      const url = `postgres://postgres@127.0.0.1:${address.port}/postgres`;
      return new EmbeddedPostgres(db, server, lock, url, root, lock?.tookOverFrom ?? null);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  /** Stops accepting connections, then closes PGlite so its files are consistent on disk. */
  async stop(): Promise<void> {
    try {
      await this.server.stop();
    } finally {
      try {
        if (!this.db.closed) await this.db.close();
      } finally {
        this.lock?.release();
      }
    }
  }

  /** Drops client connections without closing the database: simulates an outage in tests. */
  async suspend(): Promise<void> {
    await this.server.stop();
  }
}
