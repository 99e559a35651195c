/**
 * `npm run backup -- --out <file>` and `npm run restore -- --in <file>`.
 *
 * A backup is a plain SQL file of the engine's data — every table of the schema except the
 * migrations table, rows as INSERT statements, one statement per line, in one transaction — with
 * a header naming the migrations it was made at. It reads from DATABASE_URL (DATABASE_SCHEMA) or
 * the embedded database in IKZ_DATA_DIR, and restores into either: a backup of the embedded
 * default can move to PostgreSQL and back.
 *
 * Restore needs an empty target (a new IKZ_DATA_DIR, or a database/schema without cooperations):
 * it applies the backup's migrations, loads the rows, applies this version's later migrations and
 * verifies every history chain.
 *
 * The embedded database belongs to one process at a time (PGlite corrupts a folder two processes
 * open): while a server runs on it, backup refuses and says so. Stop the server, back up, start it.
 */
import 'reflect-metadata';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Client, type QueryArrayConfig } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { validateEnvironment, type Environment } from '../src/config/configuration';
import { DataDirectoryInUseError } from '../src/database/data-directory-lock';
import { dataSourceOptions } from '../src/database/data-source-options';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { HistoryRepository, pgQuery } from '../src/history';

const FORMAT = 1;
const HEADER = '-- ikz-backup: ';
const BATCH = 200;
const MIGRATIONS_TABLE = 'schema_migrations';

export interface BackupHeader {
  format: number;
  createdAt: string;
  source: 'embedded' | 'postgres';
  migrations: string[];
  tables: Record<string, number>;
}

/** The database of `env`: the embedded one in IKZ_DATA_DIR (taken for this process) or DATABASE_URL. */
async function connect(env: Environment): Promise<{ url: string; embedded: EmbeddedPostgres | null }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: null };
  if (env.IKZ_DATA_DIR === ':memory:') {
    throw new Error('IKZ_DATA_DIR=:memory: keeps nothing to back up or restore into');
  }
  try {
    const embedded = await EmbeddedPostgres.start(env.IKZ_DATA_DIR);
    return { url: embedded.url, embedded };
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) {
      throw new Error(
        `${error.message}\nA backup or restore needs the embedded database to itself, and copying the folder of a running ` +
          `server is no backup (PGlite's files are consistent only once it is closed). Stop the server (Ctrl-C or ` +
          `SIGTERM), run the command again, then start the server again.`,
      );
    }
    throw error;
  }
}

const textClient = (url: string, schema?: string) =>
  new Client({
    connectionString: url,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // Every value as PostgreSQL's text: written back as literals it means exactly the same.
    types: { getTypeParser: () => (value: string) => value },
  });

const withText = <T>(url: string, schema: string | undefined, work: (client: Client) => Promise<T>) =>
  withClient(() => textClient(url, schema), work);

async function withClient<T>(create: () => Client, work: (client: Client) => Promise<T>): Promise<T> {
  let client = create();
  // The embedded server frees its one connection a moment after the previous client has gone.
  for (let attempt = 1; ; attempt++) {
    try {
      await client.connect();
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100));
      client = create();
    }
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A string literal on one line: E'…' with backslash escapes for the backslash, quote and line breaks. */
function literal(value: string | null): string {
  if (value === null) return 'NULL';
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return /[\\\n\r]/.test(value) ? `E'${escaped}'` : `'${escaped}'`;
}
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of the current schema, parents before children (foreign keys). */
async function tablesInOrder(client: Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`,
    [MIGRATIONS_TABLE],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint c JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const e of edges) if (e.child === name && e.parent !== name) visit(e.parent, [...path, name]);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, []);
  return ordered.filter((name) => tables.some((t) => t.name === name));
}

async function appliedMigrations(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ exists: string | null }>(`SELECT to_regclass($1) AS exists`, [
    MIGRATIONS_TABLE,
  ]);
  if (rows[0].exists === null) return [];
  const applied = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`);
  return applied.rows.map((r) => r.name);
}

function write(out: WriteStream, line: string): Promise<void> {
  return out.write(`${line}\n`) ? Promise.resolve() : new Promise((r) => out.once('drain', r));
}

export async function backup(
  env: Environment,
  file: string,
  log: (line: string) => void = console.log,
): Promise<BackupHeader> {
  const { url, embedded } = await connect(env);
  const client = textClient(url, env.DATABASE_SCHEMA);
  try {
    await client.connect();
    // One snapshot for every table.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) {
      throw new Error('The database has no IKZ schema (no migrations applied): nothing to back up');
    }
    const tables = await tablesInOrder(client);
    const header: BackupHeader = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      source: embedded ? 'embedded' : 'postgres',
      migrations,
      tables: {},
    };
    const out = createWriteStream(file);
    const body: string[] = [];
    // Rows are written after the header, which counts them: collect the statements per table first.
    for (const table of tables) {
      const { rows: columns } = await client.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
          ORDER BY ordinal_position`,
        [table],
      );
      const { rows: key } = await client.query<{ name: string }>(
        `SELECT a.attname AS name FROM pg_index i
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
          WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
        [ident(table)],
      );
      const names = columns.map((c) => ident(c.name));
      const order = key.length > 0 ? ` ORDER BY ${key.map((k) => ident(k.name)).join(', ')}` : '';
      const query: QueryArrayConfig = {
        text: `SELECT ${names.map((n) => `${n}::text`).join(', ')} FROM ${ident(table)}${order}`,
        rowMode: 'array',
      };
      const { rows } = await client.query<(string | null)[]>(query);
      header.tables[table] = rows.length;
      for (let i = 0; i < rows.length; i += BATCH) {
        const values = rows
          .slice(i, i + BATCH)
          .map((row) => `(${row.map(literal).join(', ')})`)
          .join(', ');
        body.push(`INSERT INTO ${ident(table)} (${names.join(', ')}) VALUES ${values};`);
      }
    }
    await client.query('COMMIT');
    await write(out, `${HEADER}${JSON.stringify(header)}`);
    await write(out, `-- A backup of the IKZ lifecycle engine's data. Restore: npm run restore -- --in <this file>`);
    await write(
      out,
      `-- (or by hand: apply the migrations named above to an empty database, then psql -f <this file>)`,
    );
    await write(out, `SET standard_conforming_strings = on;`);
    await write(out, `BEGIN;`);
    // Rows the migrations seeded (the municipality registry) are replaced by the backup's. On a
    // target that is not empty the append-only history refuses the DELETE and nothing changes.
    for (const table of [...tables].reverse()) await write(out, `DELETE FROM ${ident(table)};`);
    for (const line of body) await write(out, line);
    await write(out, `COMMIT;`);
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    log(
      `Backup of the ${header.source === 'embedded' ? `embedded database in ${embedded!.dataDirectory}` : 'PostgreSQL database'} ` +
        `written to ${file}: ${Object.entries(header.tables)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
    );
    return header;
  } finally {
    await client.end().catch(() => {});
    await embedded?.stop();
  }
}

async function readHeader(file: string): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    if (!line.startsWith(HEADER)) break;
    const header = JSON.parse(line.slice(HEADER.length)) as BackupHeader;
    if (header.format !== FORMAT) {
      throw new Error(`${file}: backup format ${header.format}, this version reads ${FORMAT}`);
    }
    return header;
  }
  throw new Error(`${file} is not a backup of the IKZ lifecycle engine (its first line is not "${HEADER}…")`);
}

async function migrate(url: string, embedded: boolean, env: Environment, count: number): Promise<void> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url, embedded, env),
    migrations: MIGRATIONS.slice(0, count),
    migrationsRun: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export interface RestoreResult {
  tables: Record<string, number>;
  chains: number;
  entries: number;
}

export async function restore(
  env: Environment,
  file: string,
  log: (line: string) => void = console.log,
): Promise<RestoreResult> {
  const header = await readHeader(file);
  const known = MIGRATIONS.map((m) => m.name);
  const unknown = header.migrations.filter((name, i) => known[i] !== name);
  if (unknown.length > 0) {
    throw new Error(
      `${file} was made by a version with migrations this one does not have (${unknown.join(', ')}): ` +
        `restore it with that version or a later one`,
    );
  }
  const { url, embedded } = await connect(env);
  try {
    if (env.DATABASE_SCHEMA) {
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${ident(env.DATABASE_SCHEMA)}`);
      await admin.end();
    }
    // One connection at a time: the embedded database serves exactly one.
    const applied = await withText(url, env.DATABASE_SCHEMA, appliedMigrations);
    if (applied.length > header.migrations.length) {
      throw new Error(
        `The target already has migrations the backup predates (${applied.slice(header.migrations.length).join(', ')}): ` +
          `restore into an empty database (a new IKZ_DATA_DIR, or a new database or DATABASE_SCHEMA)`,
      );
    }
    // The schema the backup was made at, then the rows, then this version's later migrations.
    await migrate(url, embedded !== null, env, header.migrations.length);
    await withText(url, env.DATABASE_SCHEMA, async (client) => {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM cooperations');
      if (Number(rows[0].n) > 0) {
        throw new Error(
          `The target is not empty (${rows[0].n} cooperations): restore into an empty database (a new IKZ_DATA_DIR, ` +
            `or a new database or DATABASE_SCHEMA)`,
        );
      }
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      try {
        for await (const line of lines) if (line.trim() !== '' && !line.startsWith('--')) await client.query(line);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
    await migrate(url, embedded !== null, env, MIGRATIONS.length);
    const verified = await verifyAll(url, env.DATABASE_SCHEMA);
    log(
      `Restored ${file} (${header.source}, ${header.createdAt}) into ` +
        `${embedded ? `the embedded database in ${embedded.dataDirectory}` : 'PostgreSQL'}: ${Object.entries(
          header.tables,
        )
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}; ${verified.chains} history chains with ${verified.entries} entries verified`,
    );
    return { tables: header.tables, ...verified };
  } finally {
    await embedded?.stop();
  }
}

/** Recomputes every cooperation's hash chain; throws naming the first broken one. */
async function verifyAll(url: string, schema?: string): Promise<{ chains: number; entries: number }> {
  const create = () =>
    new Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  return withClient(create, async (client) => {
    const { chains, entries, broken } = await new HistoryRepository(pgQuery(client)).verifyAll();
    if (broken.length > 0) {
      const { cooperationId, ...result } = broken[0];
      throw new Error(
        `history of cooperation ${cooperationId} does not verify after restore: ${JSON.stringify(result)}`,
      );
    }
    return { chains, entries };
  });
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const env = validateEnvironment(process.env);
  if (command === 'backup') {
    const out = option(args, '--out');
    if (!out) throw new Error('usage: npm run backup -- --out <file.sql>');
    await backup(env, out);
  } else if (command === 'restore') {
    const input = option(args, '--in');
    if (!input) throw new Error('usage: npm run restore -- --in <file.sql>');
    await restore(env, input);
  } else {
    throw new Error('usage: backup.ts backup --out <file> | restore --in <file>');
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
