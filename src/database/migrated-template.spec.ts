import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { type EmbeddedPostgres, PgliteTemplate } from './embedded-postgres';
import { migrationSources, migrationsKey, startEmbedded } from './migrated-template';

const MIGRATIONS = resolve(__dirname, '..', '..', 'migrations');
const SETTINGS = { DB_MIGRATIONS_RUN: true, DB_POOL_SIZE: 1, DB_STATEMENT_TIMEOUT_MS: 30_000 };

/** What the migrations made: every table, column, index, constraint, trigger, function and the seeded rows. */
async function catalog(embedded: EmbeddedPostgres): Promise<unknown[]> {
  const client = new Client({ ...embedded.pgConnection() });
  await client.connect();
  try {
    const queries = [
      `SELECT table_name, column_name, data_type, column_default, is_nullable, is_generated, generation_expression
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
      `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
      `SELECT tgrelid::regclass::text AS t, tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
      `SELECT proname, pg_get_functiondef(oid) AS def FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1, 2`,
      `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
      `SELECT count(*)::int AS n, md5(string_agg(concat_ws('|', ags, name, kind, district, region, land, source), ',' ORDER BY ags)) AS rows
         FROM municipalities`,
      `SELECT id, timestamp, name FROM schema_migrations ORDER BY id`,
    ];
    const results: unknown[] = [];
    for (const sql of queries) results.push((await client.query(sql)).rows);
    return results;
  } finally {
    await client.end();
  }
}

describe('fresh embedded databases from a cached migrated cluster', () => {
  let scratch: string;
  let template: PgliteTemplate;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'ikz-migrated-'));
    template = new PgliteTemplate(join(scratch, 'initdb.tar'));
    // PGlite's initdb result as the suite caches it (else this test runs initdb once).
    const shared = PgliteTemplate.default();
    if (shared && existsSync(shared.file)) copyFileSync(shared.file, template.file);
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('keeps the cluster of the first fresh start after its migrations; later ones are the same and have none left', async () => {
    const migrated = template.derived(`migrated-${migrationsKey()}`);
    const first = await startEmbedded(null, SETTINGS, template);
    let expected: unknown[];
    try {
      expect(first.createdFrom).toBe('initdb');
      expected = await catalog(first);
    } finally {
      await first.stop();
    }
    expect(migrated.read()).not.toBeNull();
    expect(expected[6]).toEqual([expect.objectContaining({ n: 427 })]);

    const second = await startEmbedded(join(scratch, 'data'), SETTINGS, template);
    try {
      expect(second.createdFrom).toBe('migrated');
      expect(await catalog(second)).toEqual(expected);
      // The server's migration run still runs, and finds each migration applied.
      const dataSource = new DataSource({ ...dataSourceOptions(null, true, SETTINGS, second), migrationsRun: false });
      await dataSource.initialize();
      try {
        expect(await dataSource.showMigrations()).toBe(false);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await second.stop();
    }
  });

  it('is not used with DATABASE_SCHEMA or DB_MIGRATIONS_RUN=false, nor kept for them', async () => {
    for (const settings of [
      { ...SETTINGS, DATABASE_SCHEMA: 'elsewhere' },
      { ...SETTINGS, DB_MIGRATIONS_RUN: false },
    ]) {
      const embedded = await startEmbedded(null, settings, template);
      await embedded.stop();
      expect(embedded.createdFrom).toBe('initdb');
    }
    expect(template.derived(`migrated-${migrationsKey()}`).read()).toBeNull();
  });

  it('is named by the content of every migration source, so that any change is another cluster', () => {
    const copy = join(scratch, 'migrations');
    cpSync(MIGRATIONS, copy, { recursive: true });
    const key = migrationsKey(copy);
    expect(key).toBe(migrationsKey(MIGRATIONS));
    const files = migrationSources(copy);
    expect(files).toContain('index.ts');
    expect(files).toContain('1764100000002-seed-municipality-registry.ts');
    expect(files.some((f) => f.endsWith('.spec.ts'))).toBe(false);
    const seed = join(copy, '1764100000002-seed-municipality-registry.ts');
    writeFileSync(
      seed,
      readFileSync(seed, 'utf8').replace("'Düsseldorf', 'kreisfreie Stadt'", "'Dusseldorf', 'kreisfreie Stadt'"),
    );
    expect(migrationsKey(copy)).not.toBe(key);
  });

  it('the migrations read nothing but their own source (what the key covers)', () => {
    for (const file of migrationSources(MIGRATIONS)) {
      const source = readFileSync(join(MIGRATIONS, file), 'utf8');
      const imports = [...source.matchAll(/\b(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]);
      const allowed = file.startsWith('index.') ? /^\.\/\d+-[\w-]+$/ : /^typeorm$/;
      expect({ file, imports: imports.filter((i) => !allowed.test(i)) }).toEqual({ file, imports: [] });
      expect({ file, reads: /\b(require|process\.env|readFile\w*|import\()/.test(source) }).toEqual({
        file,
        reads: false,
      });
    }
  });
});
