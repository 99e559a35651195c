import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, PgliteTemplate } from './embedded-postgres';

/** A fresh embedded directory is created from PGlite's cached initdb, and falls back to initdb. */
describe('EmbeddedPostgres: fresh directories from a cached template', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'ikz-template-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const roundTrip = async (embedded: EmbeddedPostgres, value: number) => {
    const client = new Client({ connectionString: embedded.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE IF NOT EXISTS t (v int)');
      await client.query('INSERT INTO t VALUES ($1)', [value]);
      return (await client.query<{ v: number }>('SELECT v FROM t ORDER BY v')).rows.map((r) => r.v);
    } finally {
      await client.end();
    }
  };

  // One initdb (WebAssembly, the slow part) for all of it: the damaged template's fallback is the first start.
  it('falls back to initdb on a damaged template and replaces it; later fresh starts come from it and keep data', async () => {
    const template = new PgliteTemplate(join(scratch, 'cache', 'initdb.tar'));
    mkdirSync(join(scratch, 'cache'));
    writeFileSync(template.file, Buffer.alloc(64 * 1024, 7));
    const first = await EmbeddedPostgres.start(join(scratch, 'a'), template);
    try {
      expect(first.createdFrom).toBe('initdb');
      expect(await roundTrip(first, 1)).toEqual([1]);
    } finally {
      await first.stop();
    }
    expect(statSync(template.file).size).toBeGreaterThan(1024);
    expect(template.read()).not.toBeNull();

    const second = await EmbeddedPostgres.start(join(scratch, 'b'), template);
    try {
      expect(await roundTrip(second, 2)).toEqual([2]); // not the first directory's table
    } finally {
      await second.stop();
    }
    const reopened = await EmbeddedPostgres.start(join(scratch, 'b'), template);
    try {
      expect(reopened.createdFrom).toBe('directory');
      expect(await roundTrip(reopened, 3)).toEqual([2, 3]);
    } finally {
      await reopened.stop();
    }
    const memory = await EmbeddedPostgres.start(null, template);
    try {
      expect(await roundTrip(memory, 4)).toEqual([4]);
    } finally {
      await memory.stop();
    }

    // A truncated template is not whole (its footer is gone): it is discarded, and the next fresh
    // start would run initdb as the first one did.
    const whole = readFileSync(template.file);
    writeFileSync(template.file, whole.subarray(0, whole.length - 512 * 1000));
    expect(template.read()).toBeNull();
    expect(existsSync(template.file)).toBe(false);
  });

  it('takes a migrated template first, and the initdb one when the migrated one is not whole', async () => {
    const template = new PgliteTemplate(join(scratch, 'initdb.tar'));
    const shared = PgliteTemplate.default();
    if (shared && existsSync(shared.file)) copyFileSync(shared.file, template.file);
    const migrated = template.derived('migrated-test');
    expect(migrated.file).toBe(join(scratch, 'initdb.migrated-test.tar'));
    writeFileSync(migrated.file, 'not a tar');
    const plain = await EmbeddedPostgres.start(null, template, { migrated });
    try {
      expect(plain.createdFrom).toBe('initdb');
      expect(await roundTrip(plain, 7)).toEqual([7]);
      await plain.saveAsTemplate(migrated);
    } finally {
      await plain.stop();
    }
    const fromMigrated = await EmbeddedPostgres.start(join(scratch, 'e'), template, { migrated });
    try {
      expect(fromMigrated.createdFrom).toBe('migrated');
      expect(await roundTrip(fromMigrated, 8)).toEqual([7, 8]);
    } finally {
      await fromMigrated.stop();
    }
  });

  it('is off with IKZ_PGLITE_TEMPLATE=off, a file when configured, else beside PGlite by its version', () => {
    expect(PgliteTemplate.default({ IKZ_PGLITE_TEMPLATE: 'off' })).toBeNull();
    expect(PgliteTemplate.default({ IKZ_PGLITE_TEMPLATE: '/x/t.tar' })?.file).toBe('/x/t.tar');
    expect(PgliteTemplate.default({})?.file).toMatch(/node_modules\/\.cache\/ikz\/pglite-\d+\.\d+\.\d+.*-initdb\.tar$/);
  });
});
