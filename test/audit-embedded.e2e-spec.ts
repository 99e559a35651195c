import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { keyIdOf } from '../src/audit/domain/checkpoint';
import { DEVELOPMENT_KEY_FILE } from '../src/audit/infrastructure/signing-key';
import { seedHistory } from './support/audit-seed';
import { AUDITOR, createTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);

/** The embedded default on disk (also when the suite runs on PostgreSQL): key, periodic checkpoints, the cron command. */
describe('audit on the embedded default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ikz-audit-data-'));
  const start = () => createTestApp({ DATABASE_URL: '', IKZ_DATA_DIR: dir, CHECKPOINT_INTERVAL_MS: '100' });
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs checkpoints periodically with a development key kept in IKZ_DATA_DIR', async () => {
    t = await start();
    await seedHistory(t.dataSource, { cooperations: 2, entriesEach: 5 });
    const token = await t.token(AUDITOR);
    const key = await t.http.get('/api/v1/audit/public-key').set('Authorization', `Bearer ${token}`);
    const stored = createPublicKey(readFileSync(join(dir, DEVELOPMENT_KEY_FILE), 'utf8'));
    expect(key.body.keyId).toBe(keyIdOf(stored));
    let items: Array<{ entries: number }> = [];
    for (let i = 0; i < 50 && !items.some((c) => c.entries === 10); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      items = (await t.http.get('/api/v1/audit/checkpoints?limit=100').set('Authorization', `Bearer ${token}`)).body
        .items;
    }
    expect(items.some((c) => c.entries === 10)).toBe(true);
    await t.close();
    t = undefined;
  });

  it("npm run audit:verify reads the stopped server's folder (exit code 0) and the key survives a restart", async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '../scripts/audit-verify.ts')],
      {
        env: { ...process.env, DATABASE_URL: '', IKZ_DATA_DIR: dir },
      },
    );
    expect(JSON.parse(stdout)).toEqual({ valid: true, chains: 2, entries: 10, broken: [] });
    t = await start();
    const key = await t.http.get('/api/v1/audit/public-key').set('Authorization', `Bearer ${await t.token(AUDITOR)}`);
    expect(key.body.keyId).toBe(keyIdOf(createPublicKey(readFileSync(join(dir, DEVELOPMENT_KEY_FILE), 'utf8'))));
  });
});
