import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

export class DataDirectoryInUseError extends Error {
  constructor(
    readonly directory: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${directory} is in use by process ${holder.pid} on ${holder.hostname} ` +
        `(started ${holder.startedAt}). PGlite corrupts its files when two processes open them: ` +
        `stop that server first, or give this one another IKZ_DATA_DIR.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on the embedded database's directory. PGlite itself takes none
 * (electric-sql/pglite#1106), and two processes on one directory corrupt it. A lock left by a
 * dead process on this host is taken over.
 */
export class DataDirectoryLock {
  private constructor(
    private readonly file: string,
    /** The dead process whose lock was taken over: it ended without closing the database. */
    readonly tookOverFrom: LockHolder | null = null,
  ) {}

  static acquire(directory: string): DataDirectoryLock {
    mkdirSync(directory, { recursive: true });
    const file = join(directory, 'server.lock');
    const me: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
    let stale: LockHolder | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, JSON.stringify(me));
        closeSync(fd);
        return new DataDirectoryLock(file, stale);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = DataDirectoryLock.readHolder(file);
      if (holder && holder.hostname === me.hostname && !isAlive(holder.pid)) {
        stale = holder;
        unlinkSync(file);
        continue;
      }
      if (holder && holder.pid === process.pid) {
        throw new DataDirectoryInUseError(directory, holder);
      }
      throw new DataDirectoryInUseError(
        directory,
        holder ?? { pid: -1, hostname: 'unknown', startedAt: 'unknown (unreadable lock file)' },
      );
    }
    throw new Error(`Could not take the lock ${file}`);
  }

  /**
   * The live process holding `directory`'s lock, or null (no lock, or a dead holder's, which
   * `acquire` takes over): lets the server say so before it opens anything.
   */
  static liveHolder(directory: string): LockHolder | null {
    const holder = DataDirectoryLock.readHolder(join(directory, 'server.lock'));
    if (!holder) return null;
    return holder.hostname !== hostname() || isAlive(holder.pid) ? holder : null;
  }

  private static readHolder(file: string): LockHolder | null {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    } catch {
      return null;
    }
  }

  release(): void {
    try {
      unlinkSync(this.file);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
