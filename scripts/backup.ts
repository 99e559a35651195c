/**
 * `npm run backup -- --out <file>` and `npm run restore -- --in <file>`.
 *
 * A backup is a plain SQL file of the engine's data — every table of the schema except the
 * migrations table, rows as INSERT statements, one statement per line, in one transaction — with
 * a header naming the migrations it was made at. It reads from DATABASE_URL (DATABASE_SCHEMA) or
 * the embedded database in IKZ_DATA_DIR, and restores into either: a backup of the embedded
 * default can move to PostgreSQL and back.
 *
 * Both stream in constant memory (the file format, with values in pieces: backup-file.ts): backup
 * reads keyset pages and large values piece by piece, restore runs one line at a time. Progress
 * goes to `progress` (stderr from the command line).
 *
 * Restore needs an empty target (a new IKZ_DATA_DIR, or a database/schema without cooperations):
 * it applies the backup's migrations, loads the rows, applies this version's later migrations and
 * verifies every history chain.
 *
 * The embedded database belongs to one process at a time (PGlite corrupts a folder two processes
 * open): while a server runs on it, backup refuses and says so. Stop the server, back up, start it.
 */
import 'reflect-metadata';
import { createPublicKey } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import {
  BackupWriter,
  type BackupHeader,
  type Column,
  FORMAT,
  ident,
  type LargeValue,
  PIECE_BYTES,
  PIECE_CHARS,
  readHeader,
  statements,
  type Value,
} from './backup-file';
import { exitWithHelpIfAsked, UsageError } from './cli';
import { keyIdOf, publicKeyPem } from '../src/audit/domain/checkpoint';
import { DEVELOPMENT_KEY_FILE, existingSigningKey } from '../src/audit/infrastructure/signing-key';
import { validateEnvironment, type Environment } from '../src/config/configuration';
import { DataDirectoryInUseError } from '../src/database/data-directory-lock';
import { dataSourceOptions } from '../src/database/data-source-options';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { HistoryRepository, pgQuery } from '../src/history';

const MIGRATIONS_TABLE = 'schema_migrations';
/** Characters of row text one page of a table may bring (pages are sized to it as rows are seen). */
const PAGE_BUDGET = 8 * 1024 * 1024;
const MAX_PAGE_ROWS = 1000;

/** Progress for the operator (stderr), at most every PROGRESS_MS. */
export type Progress = (line: string) => void;
const PROGRESS_MS = 2000;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function meter(progress: Progress): (line: () => string) => void {
  let last = Date.now();
  return (line) => {
    if (Date.now() - last < PROGRESS_MS) return;
    last = Date.now();
    progress(line());
  };
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

/** The public half of the key a server on `env` signs checkpoints with, if there is one yet. */
function signingKeyOf(env: Environment, embedded: boolean): BackupHeader['signingKey'] {
  const key = existingSigningKey({
    configured: env.AUDIT_SIGNING_KEY,
    dataDirectory: embedded ? env.IKZ_DATA_DIR : null,
  });
  if (!key) return null;
  const publicKey = createPublicKey(key);
  return { algorithm: 'Ed25519', keyId: keyIdOf(publicKey), publicKey: publicKeyPem(publicKey) };
}

/**
 * Said after a restore whose target will sign checkpoints with another key than the source did:
 * the old checkpoints stay verifiable (each carries its public key, and the header has it too),
 * but an auditor will see a new key id from then on.
 */
function signingKeyWarning(source: BackupHeader['signingKey'], target: BackupHeader['signingKey']): string | null {
  if (!source || target?.keyId === source.keyId) return null;
  const next = target
    ? `the key ${target.keyId.slice(0, 16)}… (AUDIT_SIGNING_KEY or the target's ${DEVELOPMENT_KEY_FILE})`
    : `a new key (a development key generated at the first start, or one per process on PostgreSQL)`;
  return (
    `Warning: the source signed audit checkpoints with the key ${source.keyId.slice(0, 16)}…; this installation will ` +
    `sign with ${next}. Earlier checkpoints stay verifiable with the public key they carry (also in the backup's ` +
    `header). To keep signing with the old key, set AUDIT_SIGNING_KEY to it, or copy the old data folder's ` +
    `${DEVELOPMENT_KEY_FILE} into the new one before the first start; otherwise tell your auditors the new key id.`
  );
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

interface TableShape {
  columns: (Column & { varlena: boolean; bytea: boolean })[];
  /** The primary key, or the row's physical address for a table without one (stable in the snapshot). */
  key: string[];
}

async function shapeOf(client: Client, table: string): Promise<TableShape> {
  const { rows: columns } = await client.query<{ name: string; type: string; len: string; bytea: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typlen AS len,
            a.atttypid = 'bytea'::regtype AS bytea
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [ident(table)],
  );
  const { rows: key } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [ident(table)],
  );
  return {
    columns: columns.map((c) => ({ name: c.name, type: c.type, varlena: c.len === '-1', bytea: c.bytea === 't' })),
    key: key.length > 0 ? key.map((k) => k.name) : ['ctid'],
  };
}

/**
 * The rows of `table` in key order, a page at a time (keyset: each page starts after the last key of
 * the one before), pages sized to PAGE_BUDGET. Values longer than a piece stay in the database until
 * the writer asks for their pieces, one query per piece.
 */
async function* rowsOf(client: Client, table: string, { columns, key }: TableShape): AsyncGenerator<Value[]> {
  const keys = key.map(ident).join(', ');
  const params = (offset: number) => key.map((_, i) => `$${i + offset}`).join(', ');
  const large = columns.filter((c) => c.varlena);
  const size = (c: TableShape['columns'][number]) =>
    c.bytea ? `octet_length(${ident(c.name)})` : `octet_length(${ident(c.name)}::text)`;
  const select = [
    ...columns.map((c) =>
      c.varlena ? `CASE WHEN ${size(c)} <= ${PIECE_BYTES} THEN ${ident(c.name)} END` : ident(c.name),
    ),
    ...large.map((c) => `${size(c)} > ${PIECE_BYTES}`),
    ...key.map((k) => `${ident(k)}::text`),
  ].join(', ');
  const piece = (c: TableShape['columns'][number], at: string[]): LargeValue => ({
    bytea: c.bytea,
    async *pieces() {
      const [expression, length] = c.bytea ? [ident(c.name), PIECE_BYTES] : [`${ident(c.name)}::text`, PIECE_CHARS];
      for (let from = 1; ; from += length) {
        const { rows } = await client.query<string[]>({
          text: `SELECT substring(${expression} FROM $1 FOR ${length}) FROM ${ident(table)} WHERE (${keys}) = (${params(2)})`,
          values: [from, ...at],
          rowMode: 'array',
        });
        const text = rows[0][0];
        // bytea arrives as `\x` and two hex digits a byte
        const got = c.bytea ? (text.length - 2) / 2 : text.length;
        if (got > 0) yield text;
        if (got < length) return;
      }
    },
  });
  let after: string[] | null = null;
  let limit = 16;
  for (;;) {
    const { rows } = await client.query<(string | null)[]>({
      text:
        `SELECT ${select} FROM ${ident(table)}${after ? ` WHERE (${keys}) > (${params(1)})` : ''} ` +
        `ORDER BY ${key.map((k) => `${ident(table)}.${ident(k)}`).join(', ')} LIMIT ${limit}`,
      values: after ?? [],
      rowMode: 'array',
    });
    let chars = 0;
    for (const row of rows) {
      const at = row.slice(columns.length + large.length) as string[];
      let marker = columns.length;
      const values = columns.map((c, i): Value => {
        const value = row[i];
        chars += value?.length ?? 0;
        return c.varlena && row[marker++] === 't' ? piece(c, at) : value;
      });
      yield values;
      after = at;
    }
    if (rows.length < limit) return;
    // Rows of the size seen so far, at most four times as many as before.
    limit = Math.max(1, Math.min(MAX_PAGE_ROWS, limit * 4, Math.floor(PAGE_BUDGET / Math.max(1, chars / rows.length))));
  }
}

export async function backup(
  env: Environment,
  file: string,
  log: (line: string) => void = console.log,
  progress: Progress = () => {},
): Promise<BackupHeader> {
  const started = Date.now();
  const { url, embedded } = await connect(env);
  const client = textClient(url, env.DATABASE_SCHEMA);
  try {
    await client.connect();
    // One snapshot for every table.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Values as text the same whichever server wrote them (pg_dump sets these too).
    await client.query(`SET LOCAL bytea_output = 'hex'; SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'`);
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
      signingKey: signingKeyOf(env, embedded !== null),
    };
    // The header counts the rows: counted first, in the same snapshot as the rows themselves.
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)}`);
      header.tables[table] = Number(rows[0].n);
    }
    const writer = new BackupWriter(createWriteStream(file));
    await writer.begin(header, tables);
    const tick = meter(progress);
    for (const table of tables) {
      const shape = await shapeOf(client, table);
      let done = 0;
      await writer.table(table, shape.columns, rowsOf(client, table, shape), () => {
        done++;
        tick(() => `backup: ${table} ${done} of ${header.tables[table]} rows, ${mib(writer.written)} written`);
      });
    }
    await writer.end();
    await client.query('COMMIT');
    progress(`backup: ${mib(writer.written)} written in ${((Date.now() - started) / 1000).toFixed(0)} s`);
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
  /** Set when this installation will sign checkpoints with another key than the backup's source. */
  signingKeyWarning: string | null;
}

export async function restore(
  env: Environment,
  file: string,
  log: (line: string) => void = console.log,
  progress: Progress = () => {},
): Promise<RestoreResult> {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
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
      const total = statSync(file).size;
      const tick = meter(progress);
      const read = (bytes: number) =>
        tick(
          () => `restore: ${mib(bytes)} of ${mib(total)} read (${Math.floor((100 * bytes) / total)} %), ${seconds()}`,
        );
      try {
        for await (const statement of statements(file, read)) await client.query(statement);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
    progress(`restore: rows loaded in ${seconds()}; applying later migrations, verifying every history chain`);
    await migrate(url, embedded !== null, env, MIGRATIONS.length);
    const verified = await verifyAll(url, env.DATABASE_SCHEMA);
    progress(`restore: done in ${seconds()}`);
    log(
      `Restored ${file} (${header.source}, ${header.createdAt}) into ` +
        `${embedded ? `the embedded database in ${embedded.dataDirectory}` : 'PostgreSQL'}: ${Object.entries(
          header.tables,
        )
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}; ${verified.chains} history chains with ${verified.entries} entries verified`,
    );
    const warning = signingKeyWarning(header.signingKey, signingKeyOf(env, embedded !== null));
    if (warning) progress(warning);
    return { tables: header.tables, ...verified, signingKeyWarning: warning };
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

const SOURCE = `Reads DATABASE_URL (+ DATABASE_SCHEMA), or the embedded database in IKZ_DATA_DIR (default ./data),
which must not be in use: stop the server first (Ctrl-C or SIGTERM, never kill -9).`;

const USAGE = {
  backup: `
Usage: npm run backup -- --out <file.sql>

Writes every row of the engine's data to one plain SQL file, with a header naming its migrations and
the public half of the audit signing key. ${SOURCE}
Progress and the peak memory go to stderr. README.md, "Backups", has the details.

Example: npm run backup -- --out ikz-$(date +%F).sql
`,
  restore: `
Usage: npm run restore -- --in <file.sql>

Restores a backup into an empty database: a new IKZ_DATA_DIR, or a database or DATABASE_SCHEMA without
cooperations. Applies the backup's migrations, loads the rows, applies this version's later migrations
and verifies every history chain. Warns when this installation will sign audit checkpoints with
another key than the backup's source. ${SOURCE}

Examples:
  IKZ_DATA_DIR=./data-restored npm run restore -- --in ikz-2026-11-26.sql
  DATABASE_URL=postgres://ikz@db.example:5432/ikz npm run restore -- --in ikz-2026-11-26.sql
`,
};

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore') {
    throw new Error('usage: backup.ts backup --out <file> | restore --in <file>');
  }
  exitWithHelpIfAsked(args, USAGE[command]);
  const env = validateEnvironment(process.env);
  const progress: Progress = (line) => process.stderr.write(`${line}\n`);
  const flag = command === 'backup' ? '--out' : '--in';
  const file = option(args, flag);
  if (!file) throw new UsageError(`${flag} <file.sql> is missing`, command);
  if (command === 'backup') await backup(env, file, console.log, progress);
  else await restore(env, file, console.log, progress);
  // ru_maxrss, in KiB on Linux: what the operator (and the reliability suite) compares with the data's size.
  progress(`${command}: peak memory (RSS) ${mib(process.resourceUsage().maxRSS * 1024)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
