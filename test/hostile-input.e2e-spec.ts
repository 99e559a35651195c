import fc from 'fast-check';
import {
  COMMON,
  EVENTS,
  json,
  MUNICIPALITIES,
  OPENINGS,
  randomEvent,
  corpusTargets,
} from './fixtures/hostile-input.corpus';
import type { BuildingYard } from './support/building-yard';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Hostile input against every write endpoint: each answer is a 4xx problem+json, never a 5xx and
 * never a write — the history count, every chain head, the cooperations, the registry and the
 * checkpoints are exactly as before. Passes on PGlite and PostgreSQL; bounded to a few seconds.
 * The corpus is test/fixtures/hostile-input.corpus.ts.
 */
describe('hostile input changes nothing', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let tokens: Record<'coordinator' | 'admin' | 'auditor', string>;
  let before: unknown;
  const statuses = new Map<number, number>();

  const snapshot = async () => ({
    history: await t.dataSource.query(
      `SELECT cooperation_id, count(*)::int AS entries, max(sequence) AS head,
              (array_agg(hash ORDER BY sequence DESC))[1] AS hash
         FROM cooperation_history GROUP BY cooperation_id ORDER BY cooperation_id`,
    ),
    cooperations: await t.dataSource.query(`SELECT id, version, state_value FROM cooperations ORDER BY id`),
    municipalities: (await t.dataSource.query(`SELECT count(*)::int AS n FROM municipalities`))[0].n,
    checkpoints: (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_checkpoints`))[0].n,
    idempotency: (await t.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys`))[0].n,
  });

  const targets = () => [
    { path: '/api/v1/cooperations', token: tokens.coordinator },
    { path: `/api/v1/cooperations/${yard.id}/events`, token: tokens.coordinator },
    { path: '/api/v1/municipalities', token: tokens.admin },
    { path: '/api/v1/audit/checkpoints', token: tokens.auditor },
  ];

  /** Sends a raw body; asserts a 4xx problem+json. */
  const expectRefused = async (label: string, path: string, token: string, raw: string) => {
    const res = await t.http
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(raw);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const problem = /^application\/problem\+json/.test(String(res.headers['content-type']));
    expect({ label, path, status: res.status >= 400 && res.status < 500, problem }).toEqual({
      label,
      path,
      status: true,
      problem: true,
    });
    expect(res.body).toMatchObject({ status: res.status, type: expect.stringMatching(/^\/problems\//) });
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ yard, tokens } = await corpusTargets(t));
    before = await snapshot();
  });
  afterAll(async () => {
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await t.close();
  });

  it('refuses the common corpus on every write endpoint', async () => {
    for (const { path, token } of targets()) {
      for (const [label, raw] of COMMON) await expectRefused(label, path, token, raw);
    }
  });

  it('refuses hostile events, openings and registrations', async () => {
    const events = `/api/v1/cooperations/${yard.id}/events`;
    for (const [label, body] of EVENTS) await expectRefused(label, events, tokens.coordinator, json(body));
    for (const [label, body] of OPENINGS) {
      await expectRefused(label, '/api/v1/cooperations', tokens.coordinator, json(body));
    }
    for (const [label, body] of MUNICIPALITIES) {
      await expectRefused(label, '/api/v1/municipalities', tokens.admin, json(body));
    }
    // A body on a route that takes none, and a malformed path id.
    await expectRefused('checkpoint with a body', '/api/v1/audit/checkpoints', tokens.auditor, json({ heads: [] }));
    await expectRefused(
      'SQL as id',
      "/api/v1/cooperations/1' OR '1'='1/events",
      tokens.coordinator,
      json({ type: 'SIGN_LOI' }),
    );
  });

  it('refuses random event payloads (fast-check)', async () => {
    const events = `/api/v1/cooperations/${yard.id}/events`;
    await fc.assert(
      fc.asyncProperty(randomEvent, async ({ type: t0, bogus, fields }) => {
        await expectRefused('random event', events, tokens.coordinator, json({ ...fields, ...bogus, type: t0 }));
      }),
      { numRuns: 150, seed: 20260601 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const body = json(value);
        // The one body that is a valid empty request for a checkpoint is not hostile.
        fc.pre(body !== '{}' && body !== undefined);
        await expectRefused('random JSON', events, tokens.coordinator, body);
      }),
      { numRuns: 100, seed: 20260602 },
    );
  });

  it('never answered 5xx', () => {
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  });
});
