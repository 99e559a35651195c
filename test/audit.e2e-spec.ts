import { Logger } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COORD_HEEK } from './fixtures/building-yard.scenario';
import { rewriteHistory, seedHistory } from './support/audit-seed';
import { BuildingYard } from './support/building-yard';
import { ADMIN, AUDITOR, coordinatorOf, createTestApp, onRealPostgres, type TestApp } from './support/test-app';

const run = promisify(execFile);
const SCRIPTS = join(__dirname, '../scripts');

/** A script's JSON verdict and exit code. */
async function script(name: string, args: string[]): Promise<{ code: number; result: Record<string, unknown> }> {
  try {
    const { stdout } = await run(process.execPath, [join(SCRIPTS, name), ...args], { maxBuffer: 64 << 20 });
    return { code: 0, result: JSON.parse(stdout) };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, result: JSON.parse(stdout) };
  }
}

describe('the auditor API', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let seeded: string[];
  let auditor: string;
  let dir: string;
  const get = (path: string, token = auditor) =>
    t.http.get(`/api/v1/audit${path}`).set('Authorization', `Bearer ${token}`);
  const exportNdjson = async (query = '') => {
    const res = await get(`/transitions${query}`).set('Accept', 'application/x-ndjson').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    return res.text;
  };
  const save = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ikz-audit-'));
    t = await createTestApp();
    auditor = await t.token(AUDITOR);
    yard = new BuildingYard(t);
    await yard.runUntil(); // 26 real entries, in March 2026
    seeded = await seedHistory(t.dataSource, { cooperations: 3, entriesEach: 25 }); // 75 more, in January
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is for auditors and admins only', async () => {
    expect((await t.http.get('/api/v1/audit/transitions')).status).toBe(401);
    for (const principal of [
      coordinatorOf('05554024'),
      { sub: 'board', role: 'steering-board' as const, municipality: '05554024' },
    ]) {
      const res = await get('/transitions', await t.token(principal));
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await get('/transitions', await t.token(ADMIN))).status).toBe(200);
  });

  it('pages through all 101 entries in (recordedAt, cooperationId, sequence) order', async () => {
    const seen: Array<{ cooperationId: string; sequence: number; recordedAt: string }> = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/transitions?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.next;
    } while (cursor);
    expect(seen).toHaveLength(101);
    const keys = seen.map((e) => `${e.recordedAt}|${e.cooperationId}|${String(e.sequence).padStart(6, '0')}`);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(101);
  });

  it('filters by cooperation, type, actor, municipality and time', async () => {
    const count = async (query: string) => (await exportNdjson(query)).split('\n').filter(Boolean).length;
    expect(await count(`?cooperation=${yard.id}`)).toBe(26);
    expect(await count(`?cooperation=${seeded[0]}`)).toBe(25);
    expect(await count('?type=OPEN_COOPERATION')).toBe(4);
    expect(await count(`?actor=${COORD_HEEK.sub}`)).toBeGreaterThan(5);
    expect(await count('?municipality=05315000')).toBe(75);
    // Heek leads the building yard: every entry of it, whoever acted.
    expect(await count('?municipality=05554024')).toBe(26);
    // The seeded entries lie in one hour of 5 January; the building yard's around them.
    expect(await count('?from=2026-01-05T08:00:00Z&to=2026-01-05T09:00:00Z')).toBe(75);
    expect((await count('?to=2026-01-05T08:00:00Z')) + (await count('?from=2026-01-05T09:00:00.000Z'))).toBe(26);
    const page = await get(`/transitions?type=SIGN_LOI&cooperation=${yard.id}`);
    expect(page.body.items.every((e: { eventType: string }) => e.eventType === 'SIGN_LOI')).toBe(true);
  });

  it('refuses invalid filters, cursors and formats with problem+json', async () => {
    for (const query of [
      '?from=yesterday',
      '?to=2026-02-30T00:00:00Z',
      '?municipality=5315',
      '?cooperation=not-a-uuid',
      '?type=sign_loi;DROP',
      '?limit=1000',
      '?cursor=bm9wZQ',
      '?unknown=1',
    ]) {
      const res = await get(`/transitions${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const res = await get('/transitions').set('Accept', 'text/html');
    expect(res.status).toBe(406);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('streams NDJSON that scripts/verify-chain.js verifies chain by chain, and CSV', async () => {
    const ndjson = await exportNdjson();
    expect(ndjson.split('\n').filter(Boolean)).toHaveLength(101);
    const { code, result } = await script('verify-chain.js', [save('all.ndjson', ndjson)]);
    expect({ code, result }).toEqual({ code: 0, result: { valid: true, chains: 4, entries: 101, broken: [] } });
    // One cooperation: the script's classic verdict, the same as the API's.
    const one = await script('verify-chain.js', [save('one.ndjson', await exportNdjson(`?cooperation=${yard.id}`))]);
    expect(one.result).toEqual((await yard.get(COORD_HEEK, '/history/verify')).body);

    const csv = await get('/transitions').set('Accept', 'text/csv').buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'cooperationId,sequence,eventType,recordedAt,actorSub,actorRole,actorMunicipality,stateBefore,stateAfter,' +
        'payload,obligations,requestId,idempotencyKey,prevHash,hash',
    );
    expect(lines).toHaveLength(102);
  });

  it('logs every read of the feed and its exports with the principal and the filters', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    try {
      await exportNdjson(`?type=OPEN_COOPERATION&cooperation=${yard.id}`);
      expect(log).toHaveBeenCalledWith(
        {
          audit: 'export-ndjson',
          principal: { sub: AUDITOR.sub, role: 'auditor' },
          filters: { type: 'OPEN_COOPERATION', cooperation: yard.id, limit: 20 },
          requestId: expect.any(String),
        },
        expect.stringContaining(AUDITOR.sub),
      );
    } finally {
      log.mockRestore();
    }
  });

  it('verifies every chain: GET /audit/verify', async () => {
    expect((await get('/verify')).body).toEqual({ valid: true, chains: 4, entries: 101, broken: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the history and of checkpoints in the database itself', async () => {
    await get('/checkpoints').expect(200);
    const created = await t.http.post('/api/v1/audit/checkpoints').set('Authorization', `Bearer ${auditor}`);
    expect(created.status).toBe(201);
    for (const sql of [
      `UPDATE cooperation_history SET payload = '{}' WHERE sequence = 2`,
      `DELETE FROM cooperation_history WHERE sequence = 2`,
      `TRUNCATE cooperation_history CASCADE`,
    ]) {
      await expect(t.dataSource.query(sql)).rejects.toThrow(/cooperation_history is append-only/);
    }
    for (const sql of [
      `UPDATE audit_checkpoints SET root_hash = repeat('0', 64)`,
      `DELETE FROM audit_checkpoints`,
      `TRUNCATE audit_checkpoints`,
    ]) {
      await expect(t.dataSource.query(sql)).rejects.toThrow(/audit_checkpoints is append-only/);
    }
    expect((await get(`/checkpoints/${created.body.id}/verify`)).body.valid).toBe(true);
  });

  describe('signed checkpoints', () => {
    let checkpoint: Record<string, unknown> & { id: string; heads: Array<{ cooperationId: string; sequence: number }> };
    let keyFile: string;

    beforeAll(async () => {
      const res = await t.http.post('/api/v1/audit/checkpoints').set('Authorization', `Bearer ${auditor}`).send({});
      expect(res.status).toBe(201);
      checkpoint = res.body;
      const key = await get('/public-key');
      expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: checkpoint.keyId });
      keyFile = save('public-key.pem', key.body.publicKey);
    });

    it('cover every chain head and are listed and downloadable', async () => {
      expect(checkpoint).toMatchObject({ format: 'ikz-checkpoint/1', cooperations: 4, entries: 101 });
      expect(checkpoint.heads.find((h) => h.cooperationId === yard.id)).toMatchObject({ sequence: 26 });
      expect(checkpoint.rootHash).toMatch(/^[0-9a-f]{64}$/);
      const list = await get('/checkpoints?limit=100');
      expect(list.body.items.map((c: { id: string }) => c.id)).toContain(checkpoint.id);
      expect((await get(`/checkpoints/${checkpoint.id}`)).body).toEqual(checkpoint);
      expect((await get('/checkpoints/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('verify while the history is intact (API and script)', async () => {
      expect((await get(`/checkpoints/${checkpoint.id}/verify`)).body).toEqual({
        valid: true,
        checkpoint: checkpoint.id,
        documentError: null,
        cooperations: 4,
        divergences: [],
      });
      const file = save('checkpoint.json', JSON.stringify(checkpoint));
      const { code, result } = await script('verify-checkpoint.js', [
        file,
        keyFile,
        save('intact.ndjson', await exportNdjson()),
      ]);
      expect({ code, valid: result.valid, divergences: result.divergences }).toEqual({
        code: 0,
        valid: true,
        divergences: [],
      });
    });

    it('a forged signature or a changed head is caught by the script', async () => {
      const ndjson = save('for-forgery.ndjson', await exportNdjson());
      const forged = {
        ...checkpoint,
        heads: checkpoint.heads.map((h, i) => (i === 0 ? { ...h, sequence: h.sequence - 1 } : h)),
      };
      const a = await script('verify-checkpoint.js', [save('forged.json', JSON.stringify(forged)), keyFile, ndjson]);
      expect(a).toMatchObject({
        code: 1,
        result: { valid: false, documentError: 'the heads do not match the signed root hash' },
      });
      const resigned = { ...checkpoint, createdAt: '2030-01-01T00:00:00.000Z' };
      const b = await script('verify-checkpoint.js', [
        save('resigned.json', JSON.stringify(resigned)),
        keyFile,
        ndjson,
      ]);
      expect(b).toMatchObject({ code: 1, result: { valid: false, documentError: 'the signature does not match' } });
    });

    it('acceptance: a history rewritten wholesale by direct SQL passes the chain check but not the checkpoint — which names cooperation and sequence', async () => {
      await rewriteHistory(t.dataSource, yard.id, 11, (e) => ({
        ...e,
        payload: { ...(e.payload as object), version: 2 },
      }));
      // The chain itself is consistent again: a plain chain check cannot see the rewrite.
      expect((await yard.get(COORD_HEEK, '/history/verify')).body).toMatchObject({ valid: true, entries: 26 });
      expect((await get('/verify')).body).toMatchObject({ valid: true, broken: [] });
      const chainOnly = await script('verify-chain.js', [save('rewritten-chain.ndjson', await exportNdjson())]);
      expect(chainOnly.code).toBe(0);

      const divergence = {
        cooperationId: yard.id,
        sequence: 11,
        reason: 'the entry differs from the one the checkpoint signed',
      };
      expect((await get(`/checkpoints/${checkpoint.id}/verify`)).body).toEqual({
        valid: false,
        checkpoint: checkpoint.id,
        documentError: null,
        cooperations: 4,
        divergences: [divergence],
      });
      const { code, result } = await script('verify-checkpoint.js', [
        save('checkpoint.json', JSON.stringify(checkpoint)),
        keyFile,
        save('rewritten.ndjson', await exportNdjson()),
      ]);
      expect(code).toBe(1);
      expect(result).toMatchObject({ valid: false, documentError: null, divergences: [divergence], broken: [] });
      // A checkpoint taken after the rewrite signs the rewritten history: checkpoints prove "not since".
      const later = await t.http.post('/api/v1/audit/checkpoints').set('Authorization', `Bearer ${auditor}`);
      expect((await get(`/checkpoints/${later.body.id}/verify`)).body.valid).toBe(true);
    });

    /** Changes one entry's payload by direct SQL, leaving its hashes alone (the trigger disabled meanwhile). */
    const changeInPlace = async (cooperationId: string, sequence: number, payload: object) => {
      await t.dataSource.query(`ALTER TABLE cooperation_history DISABLE TRIGGER cooperation_history_append_only`);
      try {
        await t.dataSource.query(
          `UPDATE cooperation_history SET payload = $3 WHERE cooperation_id = $1 AND sequence = $2`,
          [cooperationId, sequence, JSON.stringify(payload)],
        );
      } finally {
        await t.dataSource.query(`ALTER TABLE cooperation_history ENABLE TRIGGER cooperation_history_append_only`);
      }
    };

    it('npm run audit:verify reports a chain broken in place (exit code 1)', async () => {
      if (!onRealPostgres()) return; // the in-memory database is this process's; see the embedded test below
      await changeInPlace(seeded[1], 7, { note: 'changed' });
      const schema = (await t.dataSource.query(`SELECT current_schema() AS s`))[0].s as string;
      const result = await run(process.execPath, ['-r', '@swc-node/register', join(SCRIPTS, 'audit-verify.ts')], {
        env: { ...process.env, DATABASE_SCHEMA: schema },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({
        valid: false,
        chains: 4,
        broken: [{ cooperationId: seeded[1], firstBrokenSequence: 7, reason: 'hash does not match the entry content' }],
      });
    });

    it('checkpoint verification recomputes the chains: a change in place that leaves the hashes alone is named', async () => {
      await changeInPlace(seeded[2], 3, { note: 'in place' });
      const verification = (await get(`/checkpoints/${checkpoint.id}/verify`)).body as {
        valid: boolean;
        divergences: unknown[];
      };
      expect(verification.valid).toBe(false);
      expect(verification.divergences).toContainEqual({
        cooperationId: seeded[2],
        sequence: 3,
        reason: 'hash does not match the entry content',
      });
    });
  });
});
