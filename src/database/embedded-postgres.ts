import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { join, resolve } from 'node:path';
import { DataDirectoryLock } from './data-directory-lock';

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
  ) {}

  /** `directory` null: an in-memory database that is gone when stopped (tests). */
  static async start(directory: string | null): Promise<EmbeddedPostgres> {
    const root = directory === null ? null : resolve(directory);
    const lock = root === null ? null : DataDirectoryLock.acquire(root);
    try {
      const db = await PGlite.create(root === null ? undefined : join(root, 'pglite'));
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
      return new EmbeddedPostgres(db, server, lock, url, root);
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
