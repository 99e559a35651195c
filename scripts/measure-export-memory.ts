/**
 * Peak RSS of the server process while it streams an NDJSON export of N history entries
 * (docs/audit.md § Figures). The server runs in this process on its own database — an in-memory
 * PGlite, or a throw-away schema on DATABASE_URL — seeded with N chained entries by SQL; the export
 * is read over HTTP and discarded; RSS is sampled every 20 ms.
 *
 *   node -r @swc-node/register scripts/measure-export-memory.ts [entries=100000] [cooperations=100]
 */
import 'reflect-metadata';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedHistory } from '../test/support/audit-seed';
import { AUDITOR, createTestApp } from '../test/support/test-app';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  process.env.NODE_ENV ??= 'test';
  const entries = Number(process.argv[2] ?? 100_000);
  const cooperations = Number(process.argv[3] ?? 100);
  const t = await createTestApp({ CHECKPOINT_INTERVAL_MS: '0' });
  try {
    const seededAt = Date.now();
    await seedHistory(t.dataSource, { cooperations, entriesEach: Math.ceil(entries / cooperations), batch: 1_000 });
    const seedSeconds = (Date.now() - seededAt) / 1000;
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const token = await t.token(AUDITOR);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = before;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      heapPeak = Math.max(heapPeak, usage.heapUsed);
    }, 20);
    const started = Date.now();
    const { bytes, lines } = await new Promise<{ bytes: number; lines: number }>((resolve, reject) => {
      get(
        {
          port,
          host: '127.0.0.1',
          path: '/api/v1/audit/transitions',
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/x-ndjson' },
        },
        (res) => {
          let bytes = 0;
          let lines = 0;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            for (const b of chunk) if (b === 10) lines++;
          });
          res.on('end', () => resolve({ bytes, lines }));
          res.on('error', reject);
        },
      ).on('error', reject);
    });
    clearInterval(sampler);
    const result = {
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite (in memory, same process)',
      entries: lines,
      cooperations,
      exportMB: Math.round((bytes / 1024 / 1024) * 10) / 10,
      seconds: (Date.now() - started) / 1000,
      seedSeconds,
      rssBeforeExportMB: mb(before),
      rssPeakDuringExportMB: mb(peak),
      rssGrowthMB: mb(peak - before),
      heapUsedBeforeMB: mb(heapBefore),
      heapUsedPeakMB: mb(heapPeak),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
