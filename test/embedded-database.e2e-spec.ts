import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryInUseError } from '../src/database/data-directory-lock';
import { ADMIN, createTestApp } from './support/test-app';

/** The embedded default a new user starts with: data kept across restarts, one server per directory. */
describe('embedded database in a data directory', () => {
  let directory: string;
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'ikz-embedded-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const embeddedIn = (dir: string) => createTestApp({ DATABASE_URL: '', IKZ_DATA_DIR: dir });

  it('keeps data across a restart and applies each migration once', async () => {
    const first = await embeddedIn(directory);
    const admin = `Bearer ${await first.token(ADMIN)}`;
    const created = await first.http
      .post('/api/v1/municipalities')
      .set('Authorization', admin)
      .send({ ags: '03454020', name: 'Nordhorn', kind: 'Stadt', land: 'Niedersachsen' });
    expect(created.status).toBe(201);
    const migrations = await first.dataSource.query(`SELECT name FROM schema_migrations ORDER BY id`);
    await first.close();

    const second = await embeddedIn(directory);
    try {
      const again = await second.http.get('/api/v1/municipalities/03454020').set('Authorization', admin);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ name: 'Nordhorn', land: 'Niedersachsen' });
      expect(await second.dataSource.query(`SELECT name FROM schema_migrations ORDER BY id`)).toEqual(migrations);
    } finally {
      await second.close();
    }
  });

  it('refuses a second server on the same directory, naming the holder', async () => {
    const first = await embeddedIn(directory);
    try {
      await expect(embeddedIn(directory)).rejects.toThrow(DataDirectoryInUseError);
      await expect(embeddedIn(directory)).rejects.toThrow(`in use by process ${process.pid}`);
    } finally {
      await first.close();
    }
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    writeFileSync(
      join(directory, 'server.lock'),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        hostname: hostname(),
        startedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    const t = await embeddedIn(directory);
    expect((await t.http.get('/health')).status).toBe(200);
    await t.close();
  });
});
