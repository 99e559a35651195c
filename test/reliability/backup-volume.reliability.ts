import { type RowQuery, storeDocument, storedDocumentHashes } from '../support/stored-documents';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ROOT } from '../../bench/lib/server-process';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { BuildingYard } from '../support/building-yard';
import { createTestApp } from '../support/test-app';
import { dropSchema, withClient } from './support/chaos';

/*
 * `npm run backup` and `npm run restore` at real volume, as operators run them (child processes):
 * ≥ 1 GiB of evidence documents on PostgreSQL, backed up, restored into a new embedded database —
 * the path that used to fail (`Invalid string length` from 256 MiB on) or never finish — and backed
 * up again from there, which must give the same rows byte for byte. Each command's peak RSS (its
 * own ru_maxrss, which includes PGlite's memory when it runs embedded) is printed and bounded; the
 * restored documents must be byte-identical and the chains verify.
 */

const DATABASE_URL = process.env.DATABASE_URL;
const DOCUMENT_MIB = 16;
const DOCUMENTS = Math.ceil(Number(process.env.RELIABILITY_BACKUP_MIB ?? 1024) / DOCUMENT_MIB);
/** Far below the data's size: memory that grew with it would break this at once. */
const RSS_BOUND_MIB = 512;
/**
 * What PGlite itself adds in a process that runs it (WebAssembly memory and compiled code): about
 * 450–600 MiB before the first row, whatever the data's size.
 */
const PGLITE_MIB = 512;

interface Run {
  seconds: number;
  peakRssMiB: number;
  stdout: string;
}

/** `npm run <script> -- <args>`; its peak RSS as it reports it on exit (scripts/backup.ts). */
function npmRun(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const child = spawn('npm', ['run', '-s', script, '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      const rss = /peak memory \(RSS\) ([\d.]+) MiB/.exec(stderr);
      if (code !== 0 || !rss) return reject(new Error(`npm run ${script} exited ${code}:\n${stdout}\n${stderr}`));
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMiB: Number(rss[1]), stdout });
    }),
  );
}

/** SHA-256 of a backup without its first line (the header, which says when and from where). */
async function bodyHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  let header = true;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const from = header ? chunk.indexOf(10) + 1 : 0;
    if (header && from === 0) continue;
    header = false;
    hash.update(chunk.subarray(from));
  }
  return hash.digest('hex');
}

const suite = DATABASE_URL ? describe : describe.skip;

suite('backup and restore of ≥ 1 GiB of evidence documents in constant memory', () => {
  const url = DATABASE_URL!;
  const schema = `relbk_${process.pid}_${randomBytes(3).toString('hex')}`;
  const folder = mkdtempSync(join(tmpdir(), 'ikz-backup-volume-'));

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await dropSchema(url, schema);
  });

  it('backs up and restores the documents byte for byte with flat RSS; every chain verifies', async () => {
    const setup = await createTestApp({ DATABASE_URL: url, DATABASE_SCHEMA: schema });
    let cooperation: string;
    try {
      const yard = new BuildingYard(setup);
      await yard.runUntil();
      cooperation = yard.id;
    } finally {
      jest.restoreAllMocks();
      await setup.close();
      delete process.env.DATABASE_SCHEMA;
    }
    // Incompressible content, as real PDFs and scans mostly are, inserted by SQL (the upload path is not under test).
    const sources = new Map<string, string>();
    await withClient(url, schema, async (client) => {
      const query: RowQuery = async (sql, params) => (await client.query(sql, params)).rows;
      for (let i = 0; i < DOCUMENTS; i++) {
        const { id, sha256 } = await storeDocument(
          query,
          cooperation,
          randomBytes(DOCUMENT_MIB * 1024 * 1024),
          `Anlage ${i}.pdf`,
        );
        sources.set(id, sha256);
      }
    });

    const file = join(folder, 'volume.sql');
    const again = join(folder, 'again.sql');
    const restoredDir = join(folder, 'restored');
    const embeddedEnv = { DATABASE_URL: '', IKZ_DATA_DIR: restoredDir };
    const backup = await npmRun('backup', ['--out', file], { DATABASE_URL: url, DATABASE_SCHEMA: schema });
    const restore = await npmRun('restore', ['--in', file], embeddedEnv);
    const backupEmbedded = await npmRun('backup', ['--out', again], embeddedEnv);
    const figures = (run: Run) => `${run.seconds.toFixed(0)} s, peak RSS ${run.peakRssMiB.toFixed(0)} MiB`;
    console.log(
      `${DOCUMENTS} documents (${DOCUMENTS * DOCUMENT_MIB} MiB), backup file ${(statSync(file).size / 1024 / 1024).toFixed(0)} MiB: ` +
        `backup (PostgreSQL) ${figures(backup)}; restore (embedded) ${figures(restore)}; ` +
        `backup (embedded) ${figures(backupEmbedded)}`,
    );
    expect(restore.stdout).toMatch(/1 history chains with \d+ entries verified/);
    // The embedded copy backs up to the very same rows, statement for statement.
    expect(await bodyHash(again)).toBe(await bodyHash(file));

    const embedded = await EmbeddedPostgres.start(restoredDir);
    try {
      const client = new Client({ connectionString: embedded.url });
      await client.connect();
      try {
        // Recomputed from the restored bytes, not the stored column.
        const rows = await storedDocumentHashes(async (sql, params) => (await client.query(sql, params)).rows);
        expect(rows).toHaveLength(DOCUMENTS);
        for (const row of rows) expect([row.sha256, row.stored]).toEqual([sources.get(row.id), sources.get(row.id)]);
      } finally {
        await client.end();
      }
    } finally {
      await embedded.stop();
    }
    expect(backup.peakRssMiB).toBeLessThan(RSS_BOUND_MIB);
    expect(restore.peakRssMiB).toBeLessThan(RSS_BOUND_MIB + PGLITE_MIB);
    expect(backupEmbedded.peakRssMiB).toBeLessThan(RSS_BOUND_MIB + PGLITE_MIB);
  });
});
