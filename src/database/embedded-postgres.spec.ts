import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  it('writes the template at the first fresh start, creates later ones from it, and they keep data', async () => {
    const template = new PgliteTemplate(join(scratch, 'cache', 'initdb.tar'));
    const first = await EmbeddedPostgres.start(join(scratch, 'a'), template);
    try {
      expect(await roundTrip(first, 1)).toEqual([1]);
    } finally {
      await first.stop();
    }
    expect(statSync(template.file).size).toBeGreaterThan(1024);

    const second = await EmbeddedPostgres.start(join(scratch, 'b'), template);
    try {
      expect(await roundTrip(second, 2)).toEqual([2]); // not the first directory's table
    } finally {
      await second.stop();
    }
    const reopened = await EmbeddedPostgres.start(join(scratch, 'b'), template);
    try {
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
  });

  it('falls back to initdb when the template is damaged or truncated, and replaces it', async () => {
    const template = new PgliteTemplate(join(scratch, 'initdb.tar'));
    writeFileSync(template.file, Buffer.alloc(64 * 1024, 7));
    const embedded = await EmbeddedPostgres.start(join(scratch, 'c'), template);
    try {
      expect(await roundTrip(embedded, 5)).toEqual([5]);
    } finally {
      await embedded.stop();
    }
    const whole = readFileSync(template.file);
    expect(template.read()).not.toBeNull();
    writeFileSync(template.file, whole.subarray(0, whole.length - 512 * 1000));
    expect(template.read()).toBeNull(); // and discarded
    const again = await EmbeddedPostgres.start(join(scratch, 'd'), template);
    try {
      expect(await roundTrip(again, 6)).toEqual([6]);
    } finally {
      await again.stop();
    }
    expect(readFileSync(template.file).length).toBe(whole.length);
  });

  it('is off with IKZ_PGLITE_TEMPLATE=off, a file when configured, else beside PGlite by its version', () => {
    expect(PgliteTemplate.default({ IKZ_PGLITE_TEMPLATE: 'off' })).toBeNull();
    expect(PgliteTemplate.default({ IKZ_PGLITE_TEMPLATE: '/x/t.tar' })?.file).toBe('/x/t.tar');
    expect(PgliteTemplate.default({})?.file).toMatch(/node_modules\/\.cache\/ikz\/pglite-\d+\.\d+\.\d+.*-initdb\.tar$/);
  });
});

describe('EmbeddedPostgres: memory settings', () => {
  it('runs with 32 MB of shared_buffers, on a fresh directory and on reopening it', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ikz-settings-'));
    const sharedBuffers = async (embedded: EmbeddedPostgres) => {
      const client = new Client({ connectionString: embedded.url });
      await client.connect();
      try {
        return (await client.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0].shared_buffers;
      } finally {
        await client.end();
      }
    };
    try {
      for (let start = 0; start < 2; start++) {
        const embedded = await EmbeddedPostgres.start(join(scratch, 'db'));
        try {
          expect(await sharedBuffers(embedded)).toBe('32MB');
        } finally {
          await embedded.stop();
        }
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
