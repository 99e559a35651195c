import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { backup, restore } from '../scripts/backup';
import { lines, PIECE_BYTES } from '../scripts/backup-file';
import { validateEnvironment } from '../src/config/configuration';
import { type RowQuery, storeDocument, storedDocumentHashes } from './support/stored-documents';
import { ADMIN, AUDITOR, coordinatorOf, createTestApp, onRealPostgres, type TestApp } from './support/test-app';

/** `npm run backup` / `npm run restore`: a dump a user can restore into the embedded default or PostgreSQL. */
describe('backup and restore', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ikz-backup-'));
  const schemas: string[] = [];
  const quiet = () => {};
  const embeddedEnv = (dir: string) => validateEnvironment({ IKZ_DATA_DIR: dir });
  const postgresEnv = (schema: string) =>
    validateEnvironment({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema });
  /**
   * @nestjs/config copies the validated settings into process.env, so a DATABASE_SCHEMA given to one
   * test app would leak into the next (embedded) one of this file.
   */
  const forgetSchema = () => delete process.env.DATABASE_SCHEMA;
  const newSchema = () => {
    const schema = `bk_${process.pid}_${randomBytes(3).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    if (!onRealPostgres()) return;
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  const HEEK = coordinatorOf('05554024', 'coord-heek');
  const APPOINT = {
    type: 'APPOINT_CONTACT',
    name: 'Maria Beispiel',
    position: 'Fachbereichsleiterin',
    userSub: 'coord-heek',
    authority: { conferredBy: 'Bürgermeister', conferredOn: '2026-01-05', scope: 'Absichtserklärung' },
  };

  /** A server on the database to back up: a new schema on PostgreSQL runs, else the embedded folder `dir`. */
  async function sourceApp(dir: string) {
    if (onRealPostgres()) {
      const schema = newSchema();
      return { sourceEnv: postgresEnv(schema), t: await createTestApp({ DATABASE_SCHEMA: schema }) };
    }
    return {
      sourceEnv: embeddedEnv(join(folder, dir)),
      t: await createTestApp({ DATABASE_URL: '', IKZ_DATA_DIR: join(folder, dir) }),
    };
  }

  /** What the source holds and every restored copy must hold too. */
  async function fill(t: TestApp) {
    const admin = `Bearer ${await t.token(ADMIN)}`;
    const coordinator = `Bearer ${await t.token(HEEK)}`;
    expect(
      (
        await t.http
          .post('/api/v1/municipalities')
          .set('Authorization', admin)
          .send({ ags: '03454020', name: 'Nordhorn', kind: 'Stadt', land: 'Niedersachsen' })
      ).status,
    ).toBe(201);
    const opened = await t.http.post('/api/v1/cooperations').set('Authorization', coordinator).send({
      title: 'Gemeinsamer Bauhof – Sicherung',
      fieldOfWork: 'Bauhof',
      motive: 'synergies',
      description: "Zeilen\nmit Umbruch, 'Anführungszeichen' und \\ Backslash",
    });
    expect(opened.status).toBe(201);
    const key = randomUUID();
    for (let i = 0; i < 3; i++) {
      const res = await t.http
        .post(`/api/v1/cooperations/${opened.body.id}/events`)
        .set('Authorization', coordinator)
        .set('Idempotency-Key', i === 2 ? key : randomUUID())
        .send(APPOINT);
      expect(res.status).toBe(200);
    }
    return { id: opened.body.id as string, key };
  }

  async function expectIntact(t: TestApp, source: { id: string; key: string }) {
    const auditor = `Bearer ${await t.token(AUDITOR)}`;
    const verified = await t.http.get(`/api/v1/cooperations/${source.id}/history/verify`).set('Authorization', auditor);
    expect(verified.body).toMatchObject({ valid: true, entries: 4 });
    const cooperation = await t.http.get(`/api/v1/cooperations/${source.id}`).set('Authorization', auditor);
    expect(cooperation.body).toMatchObject({ version: 4, title: 'Gemeinsamer Bauhof – Sicherung' });
    expect(cooperation.body.context.description).toBe("Zeilen\nmit Umbruch, 'Anführungszeichen' und \\ Backslash");
    const nordhorn = await t.http.get('/api/v1/municipalities/03454020').set('Authorization', auditor);
    expect(nordhorn.body).toMatchObject({ name: 'Nordhorn', land: 'Niedersachsen' });
    // The stored answer of an idempotent request came along: a retry is still answered, not applied again.
    const retry = await t.http
      .post(`/api/v1/cooperations/${source.id}/events`)
      .set('Authorization', `Bearer ${await t.token(HEEK)}`)
      .set('Idempotency-Key', source.key)
      .send(APPOINT);
    expect(retry.status).toBe(200);
    expect(retry.body.entry.sequence).toBe(4);
  }

  it('round-trips through a backup into an empty embedded database and PostgreSQL; the history verifies', async () => {
    const file = join(folder, 'first.sql');
    const { sourceEnv, t } = await sourceApp('source');
    const source = await fill(t);
    if (!onRealPostgres())
    // The running server holds the embedded database: backup refuses and says what to do.
    {
      await expect(backup(sourceEnv, file, quiet)).rejects.toThrow(/in use by process .*Stop the server/s);
    }
    await t.close();
    forgetSchema();

    const header = await backup(sourceEnv, file, quiet);
    expect(header.tables).toMatchObject({ cooperations: 1, cooperation_history: 4, idempotency_keys: 3 });

    const restoredDir = join(folder, 'restored');
    expect(await restore(embeddedEnv(restoredDir), file, quiet)).toMatchObject({ chains: 1, entries: 4 });
    // A second restore into the same, no longer empty, database is refused.
    await expect(restore(embeddedEnv(restoredDir), file, quiet)).rejects.toThrow(/not empty/);
    const restored = await createTestApp({ DATABASE_URL: '', IKZ_DATA_DIR: restoredDir });
    try {
      await expectIntact(restored, source);
    } finally {
      await restored.close();
    }

    if (!onRealPostgres()) return;
    // And from the embedded default on to PostgreSQL.
    const second = join(folder, 'second.sql');
    await backup(embeddedEnv(restoredDir), second, quiet);
    const schema = newSchema();
    expect(await restore(postgresEnv(schema), second, quiet)).toMatchObject({ chains: 1, entries: 4 });
    const onPostgres = await createTestApp({ DATABASE_SCHEMA: schema });
    try {
      const verified = await onPostgres.http
        .get(`/api/v1/cooperations/${source.id}/history/verify`)
        .set('Authorization', `Bearer ${await onPostgres.token(AUDITOR)}`);
      expect(verified.body).toMatchObject({ valid: true, entries: 4 });
    } finally {
      await onPostgres.close();
      forgetSchema();
    }
  });

  it('writes documents larger than a statement in pieces, no line over 1.5 MiB, and restores them byte for byte', async () => {
    const { sourceEnv, t } = await sourceApp('documents-source');
    const { id } = await fill(t);
    // Around the piece size (one piece exactly, one byte over, two exactly) and several MiB.
    const sha256s: Record<string, string> = {};
    const query: RowQuery = (sql, params) => t.dataSource.query(sql, params);
    for (const size of [PIECE_BYTES, PIECE_BYTES + 1, 2 * PIECE_BYTES, 6 * 1024 * 1024 + 7]) {
      const stored = await storeDocument(query, id, randomBytes(size));
      sha256s[stored.id] = stored.sha256;
    }
    await t.close();
    forgetSchema();

    const file = join(folder, 'documents.sql');
    await backup(sourceEnv, file, quiet);
    let longest = 0;
    for await (const line of lines(file)) longest = Math.max(longest, line.length);
    expect(longest).toBeLessThanOrEqual(1.5 * 1024 * 1024);

    const targets: Record<string, string>[] = [{ DATABASE_URL: '', IKZ_DATA_DIR: join(folder, 'documents-restored') }];
    if (onRealPostgres()) targets.push({ DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: newSchema() });
    for (const target of targets) {
      expect(await restore(validateEnvironment(target), file, quiet)).toMatchObject({ chains: 1, entries: 4 });
      const restored = await createTestApp(target);
      try {
        const rows = await storedDocumentHashes((sql, params) => restored.dataSource.query(sql, params));
        expect(Object.fromEntries(rows.map((r) => [r.id, r.sha256]))).toEqual(sha256s);
      } finally {
        await restored.close();
        forgetSchema();
      }
    }
  });

  it('refuses a file that is not a backup', async () => {
    const file = join(folder, 'not-a-backup.sql');
    writeFileSync(file, 'SELECT 1;\n');
    await expect(restore(embeddedEnv(join(folder, 'never')), file, quiet)).rejects.toThrow(/not a backup/);
  });
});
