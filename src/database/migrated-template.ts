import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { type DatabaseSettings, dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres, PgliteTemplate } from './embedded-postgres';

/** The folder of the migration sources, as this process loads them (TypeScript, or the build's JavaScript). */
const MIGRATIONS_DIRECTORY = dirname(require.resolve('../../migrations'));
/** How many migrated clusters are kept beside PGlite's initdb (one per state of migrations/). */
const KEPT = 3;

/**
 * The embedded database of the server, migrated. A fresh one (a new IKZ_DATA_DIR, or `:memory:`) is
 * created from the cluster a previous fresh one had right after its migrations, when there is one
 * for exactly these migrations; else from initdb, migrated here before anything else connects, and
 * that cluster is kept for the next. The server's migration run still follows and finds nothing to
 * do. Worth it where fresh databases are made often: the test suite makes one per test app, and
 * running the 16 migrations (the registry's 427 rows, the triggers, the indexes) costs several
 * times what loading the cached cluster does.
 *
 * Used only when the server runs the migrations itself into the default schema: with
 * DATABASE_SCHEMA the migrations build that schema (the cached cluster has them in `public`), and
 * with DB_MIGRATIONS_RUN=false a fresh database must stay empty until `npm run migration:run`.
 * The seeded registry rows' `created_at` is then when the cached cluster was migrated, not when
 * this database was made.
 */
export async function startEmbedded(
  directory: string | null,
  settings: DatabaseSettings,
  template: PgliteTemplate | null = PgliteTemplate.default(),
): Promise<EmbeddedPostgres> {
  const migrated =
    template && settings.DB_MIGRATIONS_RUN && !settings.DATABASE_SCHEMA
      ? template.derived(`migrated-${migrationsKey()}`)
      : null;
  const embedded = await EmbeddedPostgres.start(directory, template, { socket: false, migrated });
  if (migrated && embedded.createdFrom === 'initdb') await migrateAndKeep(embedded, settings, migrated);
  return embedded;
}

async function migrateAndKeep(
  embedded: EmbeddedPostgres,
  settings: DatabaseSettings,
  migrated: PgliteTemplate,
): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(null, true, settings, embedded), migrationsRun: false });
  try {
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    await embedded.saveAsTemplate(migrated);
    prune(migrated);
  } catch {
    // Nothing cached. A migration that failed fails again in the server's own run, which reports it
    // as without this cache; a cache that cannot be written (read-only install) only costs time.
  }
}

/**
 * Names the migrated cluster: the content of every migration source (and their list), the table
 * TypeORM records them in and their names. The migrations read nothing else (no imports but
 * TypeORM's types, no files, no environment: `migrated-template.spec.ts` holds them to it), so a
 * cluster of this key is what running them on initdb gives. PGlite's version is in the name of the
 * initdb template the key is appended to.
 */
export function migrationsKey(directory = MIGRATIONS_DIRECTORY): string {
  const options = dataSourceOptions('', true, {
    DB_MIGRATIONS_RUN: true,
    DB_POOL_SIZE: 1,
    DB_STATEMENT_TIMEOUT_MS: 1_000,
  });
  const hash = createHash('sha256').update(
    JSON.stringify({
      table: options.migrationsTableName,
      migrations: (options.migrations as { name: string }[]).map((m) => m.name),
    }),
  );
  for (const file of migrationSources(directory)) {
    hash.update(`\0${file}\0`).update(readFileSync(join(directory, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The migration files and their index, without specs, declarations and source maps. */
export function migrationSources(directory = MIGRATIONS_DIRECTORY): string[] {
  return readdirSync(directory)
    .filter((file) => /^(\d+-[\w-]+|index)\.(ts|js)$/.test(file))
    .sort();
}

/** Keeps the newest few migrated clusters: each change of migrations/ during development makes one. */
function prune(kept: PgliteTemplate): void {
  const folder = dirname(kept.file);
  const prefix = basename(kept.file).replace(/-[0-9a-f]+\.tar$/, '-');
  const siblings = readdirSync(folder)
    .filter((file) => file.startsWith(prefix) && file.endsWith('.tar'))
    .map((file) => ({ file: join(folder, file), mtime: statSync(join(folder, file)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { file } of siblings.slice(KEPT)) rmSync(file, { force: true });
}
