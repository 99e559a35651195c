import { PGlite } from '@electric-sql/pglite';
import { PglitePgConnection } from '@electric-sql/pglite/node-postgres';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ClientConfig } from 'pg';
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
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly), reached through the same `pg`
 * driver, TypeORM migrations and SQL as a real PostgreSQL. The server's pool hands `pg`'s protocol
 * messages straight to PGlite (`pgConnection`, PGlite's node-postgres adapter): a loopback socket
 * would serialise and parse the wire protocol twice more in the same thread (docs/performance.md,
 * proposal 7). Tools that take a connection URL (migrate, backup, audit:verify, the bench) get a
 * socket server on a loopback port instead (`socket: true`).
 *
 * PGlite runs with PostgreSQL's default settings: with 32 MB of shared_buffers instead of 128 MB
 * the server's peak RSS was 130 MiB lower, but every page beyond the buffers is read through
 * PGlite's file system and commands and reads got 12–59 % dearer (docs/performance.md, issue 18).
 *
 * PGlite has one backend session: transactions from different connections would interleave on it,
 * so clients must use a pool of exactly one connection (`poolSize`), and the socket server (when
 * there is one) takes one connection at a time.
 */
export class EmbeddedPostgres {
  static readonly poolSize = 1;
  /** Every instance of this process not yet stopped: a failed start closes them (`stopAll`). */
  private static readonly open = new Set<EmbeddedPostgres>();

  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer | null,
    private readonly lock: DataDirectoryLock | null,
    private readonly socketUrl: string | null,
    readonly dataDirectory: string | null,
    readonly createdFrom: CreatedFrom,
    /** Set when the previous server on this directory died without closing it (PGlite recovered). */
    readonly recoveredFrom: LockHolder | null = null,
  ) {}

  /**
   * `directory` null: an in-memory database that is gone when stopped (tests). `template`: where the
   * pre-initialised cluster is cached (see `PgliteTemplate`); null to always run initdb. `migrated`:
   * a cached cluster to create a fresh database from first, when there is one (see
   * `migrated-template.ts`); `createdFrom` says which one a fresh database came from. `socket`:
   * also serve it on a loopback port (`url`), for clients that only take a URL.
   */
  static async start(
    directory: string | null,
    template: PgliteTemplate | null = PgliteTemplate.default(),
    { socket = true, migrated = null }: { socket?: boolean; migrated?: PgliteTemplate | null } = {},
  ): Promise<EmbeddedPostgres> {
    const root = directory === null ? null : resolve(directory);
    const lock = root === null ? null : DataDirectoryLock.acquire(root);
    try {
      const dataPath = root === null ? undefined : join(root, 'pglite');
      const existing = dataPath !== undefined && existsSync(join(dataPath, 'PG_VERSION'));
      let db: PGlite;
      let createdFrom: CreatedFrom = 'directory';
      try {
        if (existing) db = await PGlite.create(dataPath);
        else ({ db, createdFrom } = await createFresh(dataPath, template, migrated));
      } catch (error) {
        if (existing) throw new EmbeddedDatabaseDamagedError(root!, lock?.tookOverFrom ?? null, error);
        throw error;
      }
      let server: PGLiteSocketServer | null = null;
      let url: string | null = null;
      if (socket) {
        server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: EmbeddedPostgres.poolSize });
        await server.start();
        const address = (server as unknown as { server: import('node:net').Server }).server.address();
        if (address === null || typeof address === 'string') throw new Error('PGlite socket server has no TCP address');
        url = `postgres://postgres@127.0.0.1:${address.port}/postgres`;
      }
      const embedded = new EmbeddedPostgres(db, server, lock, url, root, createdFrom, lock?.tookOverFrom ?? null);
      EmbeddedPostgres.open.add(embedded);
      return embedded;
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  /**
   * Stops every instance still open. A start that fails half-way (a port taken, a migration that
   * fails) has no application to close, yet must not leave PGlite's folder unclosed and locked.
   */
  static async stopAll(): Promise<void> {
    await Promise.allSettled([...EmbeddedPostgres.open].map((embedded) => embedded.stop()));
  }

  /** The loopback URL of its socket server (started with `socket: true`). */
  get url(): string {
    if (!this.socketUrl) throw new Error('This embedded database was started without a socket server (socket: false)');
    return this.socketUrl;
  }

  /**
   * `pg` client settings that reach this database without a socket: a protocol connection that
   * passes each message to PGlite. One pool of `poolSize` per database; `pg` reuses the connection
   * for the pool's next client.
   */
  pgConnection(): ClientConfig & { connection: unknown } {
    return { connection: new PgliteConnection({ pglite: this.db }) };
  }

  /**
   * Caches this database's cluster as `template` for later fresh ones. Checkpointed first, so that
   * a database created from it starts without replaying the write-ahead log.
   */
  async saveAsTemplate(template: PgliteTemplate): Promise<void> {
    await this.db.exec('CHECKPOINT');
    template.write(await dump(this.db));
  }

  /** Stops accepting connections, then closes PGlite so its files are consistent on disk. */
  async stop(): Promise<void> {
    EmbeddedPostgres.open.delete(this);
    try {
      await this.server?.stop();
    } finally {
      try {
        if (!this.db.closed) await this.db.close();
      } finally {
        this.lock?.release();
      }
    }
  }
}

/**
 * PGlite's node-postgres connection, tolerant of `pg`'s custom type parsers: `pg` hands a query's
 * `types` (an object of parsers, `src/database/prepared.ts`) to the Parse message as if they were
 * parameter type OIDs; its own serialiser ignores a non-array there, PGlite's throws.
 */
class PgliteConnection extends PglitePgConnection {
  override parse(query: { types?: unknown }): void {
    super.parse(Array.isArray(query.types) ? query : { ...query, types: undefined });
  }
}

/** Where a database's cluster came from: its existing directory, a cached migrated cluster, initdb. */
export type CreatedFrom = 'directory' | 'migrated' | 'initdb';

/**
 * A fresh cluster: PGlite's initdb (several seconds of WebAssembly) runs once per PGlite version on
 * this machine; its result is cached as a tarball of the data directory (`dumpDataDir`) and later
 * fresh directories (and in-memory databases) are created from it with `loadDataDir`, which is
 * what an existing directory costs to open. Migrations still run afterwards as usual. A `migrated`
 * template (the cluster after the migrations) is tried before it. Anything wrong with a cache
 * (missing, unreadable, truncated, refused by PGlite) falls back to the next one, then initdb.
 */
async function createFresh(
  dataPath: string | undefined,
  template: PgliteTemplate | null,
  migrated: PgliteTemplate | null,
): Promise<{ db: PGlite; createdFrom: CreatedFrom }> {
  for (const [cache, createdFrom] of [
    [migrated, 'migrated'],
    [template, 'initdb'],
  ] as const) {
    const cached = cache?.read() ?? null;
    if (!cached) continue;
    try {
      return {
        db: await PGlite.create(dataPath, { loadDataDir: new Blob([cached]) }),
        createdFrom,
      };
    } catch {
      // A template this PGlite cannot load: forget it, try the next one in an empty folder.
      cache?.discard();
      if (dataPath !== undefined) rmSync(dataPath, { recursive: true, force: true });
    }
  }
  const db = await PGlite.create(dataPath);
  if (template) {
    try {
      template.write(await dump(db));
    } catch {
      // No cache (read-only install, full disk): the next fresh start runs initdb again.
    }
  }
  return { db, createdFrom: 'initdb' };
}

const dump = async (db: PGlite): Promise<Uint8Array> =>
  new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());

const FOOTER_MAGIC = 'IKZTPL01';
const FOOTER_BYTES = 16;

/** The cached result of PGlite's initdb, one file per PGlite version (its data format may change). */
export class PgliteTemplate {
  constructor(readonly file: string) {}

  /**
   * `$IKZ_PGLITE_TEMPLATE` (a file path, or `off`), else `node_modules/.cache/ikz/` beside PGlite,
   * named by PGlite's version.
   */
  static default(env: NodeJS.ProcessEnv = process.env): PgliteTemplate | null {
    const configured = env.IKZ_PGLITE_TEMPLATE;
    if (configured === 'off') return null;
    if (configured) return new PgliteTemplate(resolve(configured));
    const pglite = pgliteRoot();
    if (!pglite) return null;
    const { version } = JSON.parse(readFileSync(join(pglite, 'package.json'), 'utf8')) as { version: string };
    return new PgliteTemplate(join(pglite, '..', '..', '.cache', 'ikz', `pglite-${version}-initdb.tar`));
  }

  /**
   * The cached tarball, or null when there is none or it is not whole. PGlite's loader reports a
   * damaged archive asynchronously, so it only ever gets complete ones: the file is the tar followed
   * by a footer (`IKZTPL01` and the tar's length), which a truncated or foreign file lacks.
   */
  read(): Uint8Array | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return null;
    }
    const tar = bytes.length - FOOTER_BYTES;
    const whole =
      tar >= 3 * 512 &&
      tar % 512 === 0 &&
      bytes.toString('latin1', tar, tar + 8) === FOOTER_MAGIC &&
      bytes.readBigUInt64LE(tar + 8) === BigInt(tar) &&
      bytes.toString('latin1', 257, 262) === 'ustar';
    if (whole) return bytes.subarray(0, tar);
    this.discard();
    return null;
  }

  /** Written beside and renamed into place: concurrent starts never read half a file. */
  write(tar: Uint8Array): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const footer = Buffer.alloc(FOOTER_BYTES);
    footer.write(FOOTER_MAGIC, 0, 'latin1');
    footer.writeBigUInt64LE(BigInt(tar.length), 8);
    const partial = `${this.file}.${process.pid}.partial`;
    try {
      writeFileSync(partial, Buffer.concat([tar, footer]));
      renameSync(partial, this.file);
    } finally {
      rmSync(partial, { force: true });
    }
  }

  discard(): void {
    rmSync(this.file, { force: true });
  }

  /** A cluster that is this one plus what `key` names (the migrations), cached beside it. */
  derived(key: string): PgliteTemplate {
    return new PgliteTemplate(`${this.file.replace(/\.tar$/, '')}.${key}.tar`);
  }
}

/** PGlite's package folder (its package.json is not exported: walk up from its entry point). */
function pgliteRoot(): string | null {
  try {
    for (let dir = dirname(require.resolve('@electric-sql/pglite')); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (
        existsSync(manifest) &&
        (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@electric-sql/pglite'
      ) {
        return dir;
      }
    }
  } catch {
    // not resolvable from here: no template
  }
  return null;
}
