import fc from 'fast-check';
import { EVENT_TYPES } from '../src/cooperations/domain';
import { COORD_HEEK } from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { ADMIN, AUDITOR, createTestApp, type TestApp } from './support/test-app';

/**
 * Hostile input against every write endpoint: each answer is a 4xx problem+json, never a 5xx and
 * never a write — the history count, every chain head, the cooperations, the registry and the
 * checkpoints are exactly as before. Passes on PGlite and PostgreSQL; bounded to a few seconds.
 */
const VALID_OPENING = {
  title: 'Gemeinsamer Bauhof',
  fieldOfWork: 'Bauhof',
  motive: 'P1',
  description: 'x',
};
const deep = (depth: number, leaf = '1') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const json = (value: unknown) => JSON.stringify(value);

/** Raw bodies for every endpoint: syntax, types, sizes, nesting, encodings, keys. */
const COMMON: Array<[string, string]> = [
  ['truncated JSON', '{"title": "a'],
  ['single quotes', "{'title': 'a'}"],
  ['trailing garbage', '{"title":"a"}}'],
  ['bare word', 'undefined'],
  ['NaN literal', '{"title": NaN}'],
  ['comment', '{"title": "a" /* x */}'],
  ['NUL byte raw', '{"title":"a\u0000b"}'],
  ['BOM and truncated JSON', '\ufeff{"a":'],
  ['array', '[]'],
  ['array of objects', '[{"type":"SIGN_LOI"}]'],
  ['string', '"SIGN_LOI"'],
  ['number', '42'],
  ['true', 'true'],
  ['null', 'null'],
  ['too large', json({ description: 'x'.repeat(200_000) })],
  ['deeply nested object', deep(3_000)],
  ['deeply nested array', json({ title: 'x' }).replace('}', `,"extra":${deepArray(20_000)}}`)],
  ['__proto__ key', '{"__proto__":{"isAdmin":true,"role":"admin"},"type":"SIGN_LOI"}'],
  ['constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}},"type":"SIGN_LOI"}'],
  ['prototype key', '{"prototype":{"polluted":1}}'],
  ['unknown field with RTL override', json({ 'title\u202e': 'x' })],
  ['zero-width key', json({ '\u200btype': 'SIGN_LOI' })],
  ['lone surrogate key', '{"\\ud800":"x"}'],
  ['SQL in a key', json({ "type'; DROP TABLE cooperation_history; --": 1 })],
];

const EVENTS: Array<[string, unknown]> = [
  ['no type', { version: 1 }],
  ['unknown event type', { type: 'HACK_THE_PLANET' }],
  ['lower-case type', { type: 'sign_loi' }],
  ['type with zero-width space', { type: 'SIGN\u200b_LOI' }],
  ['type with RTL override', { type: '\u202eIOL_NGIS' }],
  ['type as number', { type: 42 }],
  ['type as array', { type: ['SIGN_LOI'] }],
  ['type as object', { type: { toString: 'SIGN_LOI' } }],
  ['timer event over HTTP', { type: 'REPORT_DUE' }],
  ['SQL type', { type: "SIGN_LOI'; DELETE FROM cooperation_history; --" }],
  ['script type', { type: '<script>alert(1)</script>' }],
  ['version as string', { type: 'SIGN_LOI', version: '1' }],
  ['version huge', { type: 'SIGN_LOI', version: 1e308 }],
  ['version negative', { type: 'SIGN_LOI', version: -1 }],
  ['invite unknown AGS', { type: 'INVITE_PARTNER', municipality: '99999999' }],
  ['invite SQL AGS', { type: 'INVITE_PARTNER', municipality: "05554036' OR '1'='1" }],
  ['invite AGS with NUL', { type: 'INVITE_PARTNER', municipality: '0555403\u0000' }],
  ['invalid date', { type: 'APPOINT_CONTACT', conferredOn: '2026-02-30' }],
  [
    'appoint with impossible dates and control characters',
    {
      type: 'APPOINT_CONTACT',
      contact: { name: 'A\u0000B', email: 'a@b' },
      authority: { conferredBy: '\ud800', conferredOn: '2026-13-01', scope: 'x'.repeat(50_000) },
    },
  ],
  ['leave with unknown field', { type: 'LEAVE_PARTNER_SEARCH', reason: 'x', isAdmin: true }],
  ['leave with NUL in text', { type: 'LEAVE_PARTNER_SEARCH', reason: 'a\u0000b' }],
  ['leave with lone surrogate', { type: 'LEAVE_PARTNER_SEARCH', reason: 'a\ud800b' }],
  ['leave with long text', { type: 'LEAVE_PARTNER_SEARCH', reason: 'ü'.repeat(30_000) }],
];

const OPENINGS: Array<[string, unknown]> = [
  ['empty', {}],
  ['title as number', { ...VALID_OPENING, title: 42 }],
  ['title blank', { ...VALID_OPENING, title: '  \u200b ' }],
  ['title too long', { ...VALID_OPENING, title: 'ä'.repeat(301) }],
  ['title with NUL', { ...VALID_OPENING, title: 'Bau\u0000hof' }],
  ['title with lone surrogate', { ...VALID_OPENING, title: 'Bau\udc00hof' }],
  ['unknown motive', { ...VALID_OPENING, motive: "P1' OR 1=1 --" }],
  ['motive with RTL override', { ...VALID_OPENING, motive: '\u202eP1' }],
  ['description too long', { ...VALID_OPENING, description: 'x'.repeat(20_001) }],
  ['extra lead', { ...VALID_OPENING, leadAgs: '05315000' }],
  ['nested description', { ...VALID_OPENING, description: { $gt: '' } }],
];

const MUNICIPALITIES: Array<[string, unknown]> = [
  ['empty', {}],
  ['AGS with SQL', { ags: "05554024' --", name: 'x', kind: 'Gemeinde' }],
  ['AGS too long', { ags: '0'.repeat(9), name: 'x', kind: 'Gemeinde' }],
  ['AGS as number', { ags: 5554024, name: 'x', kind: 'Gemeinde' }],
  ['name with NUL', { ags: '05999001', name: 'a\u0000', kind: 'Gemeinde' }],
  ['name as script', { ags: '05999001', name: { '<script>': 1 }, kind: 'Gemeinde' }],
  ['unknown kind', { ags: '05999001', name: 'x', kind: 'Königreich' }],
];

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
    yard = new BuildingYard(t);
    await yard.open();
    tokens = {
      coordinator: await yard.token(COORD_HEEK),
      admin: await t.token(ADMIN),
      auditor: await t.token(AUDITOR),
    };
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
    const type = fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string({ maxLength: 40 }), fc.anything());
    // Every payload carries at least one field no event has, next to random real-looking ones.
    const payload = fc.record({
      type,
      bogus: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 12 }).map((k) => `x-${k}`),
        fc.anything(),
        {
          minKeys: 1,
          maxKeys: 4,
        },
      ),
      fields: fc.dictionary(
        fc.constantFrom(
          'version',
          'municipality',
          'reason',
          'conferredOn',
          'contact',
          'decidedOn',
          'amountCents',
          'partners',
        ),
        fc.anything({ maxDepth: 3 }),
        { maxKeys: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(payload, async ({ type: t0, bogus, fields }) => {
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
