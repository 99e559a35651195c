import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIFECYCLE_DEFINITION_VERSION } from '../src/cooperations/domain';
import { COORD_HEEK, COORD_LEGDEN } from './fixtures/building-yard.scenario';
import { BuildingYard, stepNamed } from './support/building-yard';
import { createTestApp, type TestApp } from './support/test-app';

const SCRIPT = join(__dirname, '../scripts/verify-chain.js');

/** Runs the auditors' standalone verifier on an NDJSON export; its verdict, whatever the exit code. */
function verifyWithScript(ndjson: string): { result: unknown; exitCode: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ikz-chain-'));
  try {
    const file = join(dir, 'history.ndjson');
    writeFileSync(file, ndjson);
    try {
      return { result: JSON.parse(execFileSync('node', [SCRIPT, file], { encoding: 'utf8' })), exitCode: 0 };
    } catch (error) {
      const { stdout, status } = error as { stdout: string; status: number };
      return { result: JSON.parse(stdout), exitCode: status };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the history as evidence', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil();
  });
  afterAll(() => t.close());

  /** The history as NDJSON, one entry per line, read page by page through the API. */
  const exportNdjson = async (): Promise<string> => {
    const lines: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await yard.get(COORD_HEEK, '/history', { query: { limit: 10, ...(cursor ? { cursor } : {}) } });
      lines.push(...res.body.items.map((e: object) => JSON.stringify(e)));
      cursor = res.body.next ?? undefined;
    } while (cursor);
    return `${lines.join('\n')}\n`;
  };

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    for (const sql of [
      `UPDATE cooperation_history SET payload = '{}' WHERE cooperation_id = $1 AND sequence = 3`,
      `DELETE FROM cooperation_history WHERE cooperation_id = $1 AND sequence = 3`,
    ]) {
      await expect(t.dataSource.query(sql, [yard.id])).rejects.toThrow(/append-only/);
    }
    await expect(t.dataSource.query(`TRUNCATE cooperation_history CASCADE`)).rejects.toThrow(/append-only/);
    expect((await yard.get(COORD_HEEK, '/history/verify')).body.valid).toBe(true);
  });

  it('verifies the same with the API and the standalone script while intact', async () => {
    const api = (await yard.get(COORD_HEEK, '/history/verify')).body;
    expect(api.valid).toBe(true);
    expect(verifyWithScript(await exportNdjson())).toEqual({ result: api, exitCode: 0 });
  });

  it('names a payload changed by direct SQL as the first broken sequence, and so does the script', async () => {
    await t.dataSource.query(`ALTER TABLE cooperation_history DISABLE TRIGGER cooperation_history_append_only`);
    try {
      await t.dataSource.query(
        `UPDATE cooperation_history SET payload = jsonb_set(payload, '{version}', '2')
          WHERE cooperation_id = $1 AND sequence = 11`,
        [yard.id],
      );
    } finally {
      await t.dataSource.query(`ALTER TABLE cooperation_history ENABLE TRIGGER cooperation_history_append_only`);
    }
    const api = (await yard.get(COORD_HEEK, '/history/verify')).body;
    expect(api).toEqual({
      valid: false,
      entries: 26,
      firstBrokenSequence: 11,
      reason: 'hash does not match the entry content',
    });
    expect(verifyWithScript(await exportNdjson())).toEqual({ result: api, exitCode: 1 });
    // The trigger is back: the tampering cannot be undone quietly either.
    await expect(
      t.dataSource.query(`DELETE FROM cooperation_history WHERE cooperation_id = $1 AND sequence = 11`, [yard.id]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('snapshots of other definition versions', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil('accept-legden');
  });
  afterAll(() => t.close());

  const writeDefinitionVersion = (version: number) =>
    t.dataSource.query(
      `UPDATE cooperations
          SET state = jsonb_set(state #- '{context,contract,amendments}', '{definitionVersion}', to_jsonb($2::int)),
              definition_version = $2
        WHERE id = $1`,
      [yard.id, version],
    );

  it('reads and advances a snapshot written under definition version 1 (migrated on load)', async () => {
    await writeDefinitionVersion(1);
    const res = await yard.get(COORD_HEEK);
    expect(res.status).toBe(200);
    expect(res.body.definitionVersion).toBe(LIFECYCLE_DEFINITION_VERSION);
    expect(res.body.context.contract.amendments).toEqual([]);
    expect((await yard.get(COORD_LEGDEN, '/next')).status).toBe(200);

    const step = await yard.step(stepNamed('accept-legden'));
    expect(step.status).toBe(200);
    const [row] = await t.dataSource.query(
      `SELECT definition_version, (state->>'definitionVersion')::int AS stored FROM cooperations WHERE id = $1`,
      [yard.id],
    );
    expect(row).toEqual({ definition_version: LIFECYCLE_DEFINITION_VERSION, stored: LIFECYCLE_DEFINITION_VERSION });
  });

  it('fails loudly with a 500 problem naming an unknown version, and changes nothing', async () => {
    await writeDefinitionVersion(99);
    const before = (await yard.get(COORD_HEEK, '/history')).body.items.length;
    for (const res of [
      await yard.get(COORD_HEEK),
      await yard.get(COORD_HEEK, '/next'),
      await yard.step(stepNamed('accept-schoeppingen')),
      await t.http.get('/api/v1/cooperations').set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`),
    ]) {
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({
        type: '/problems/unknown-definition-version',
        definitionVersion: 99,
        detail: expect.stringContaining('99'),
      });
    }
    expect((await yard.get(COORD_HEEK, '/history')).body.items.length).toBe(before);
  });
});
