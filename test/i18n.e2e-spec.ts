import { randomUUID } from 'node:crypto';
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
import { foreignInProblem } from './fixtures/language-detector';
import { ADMIN, createTestApp, type TestApp } from './support/test-app';

/**
 * Every refusal in one language: each invalid request of the hostile-input corpus (and the edge's
 * own 401/403/404/412/413/415/429), sent without Accept-Language (German) and with
 * `Accept-Language: en`, is answered with no English in the German answer and no German in the
 * English one, every text resolved, and a different wording in the two languages.
 */
describe('refusals in German (default) and English', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let tokens: Record<'coordinator' | 'admin' | 'auditor', string>;
  const statuses = new Set<number>();

  interface Sent {
    method?: 'post' | 'get' | 'put';
    path: string;
    token?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  /** Sends one request in both languages; asserts each answer speaks only its language. */
  const expectBothLanguages = async (label: string, { method = 'post', path, token, headers = {}, body }: Sent) => {
    const answers: Record<string, { title: unknown; detail: unknown }> = {};
    for (const lang of ['de', 'en'] as const) {
      let req = t.http[method](path).set(headers);
      if (lang === 'en') req = req.set('Accept-Language', 'en');
      if (token) req = req.set('Authorization', `Bearer ${token}`);
      if (body !== undefined) req = req.set('Content-Type', headers['Content-Type'] ?? 'application/json').send(body);
      const res = await req;
      statuses.add(res.status);
      expect({ label, lang, status: res.status >= 400 }).toEqual({ label, lang, status: true });
      expect({ label, lang, foreign: foreignInProblem(res.body, lang) }).toEqual({ label, lang, foreign: [] });
      answers[lang] = res.body;
    }
    expect({ label, sameDetail: answers.de.detail === answers.en.detail }).toEqual({ label, sameDetail: false });
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ yard, tokens } = await corpusTargets(t));
  });
  afterAll(() => t.close());

  it('answers the common corpus on every write endpoint in one language', async () => {
    const targets = [
      { path: '/api/v1/cooperations', token: tokens.coordinator },
      { path: `/api/v1/cooperations/${yard.id}/events`, token: tokens.coordinator },
      { path: '/api/v1/municipalities', token: tokens.admin },
      { path: '/api/v1/audit/checkpoints', token: tokens.auditor },
    ];
    for (const { path, token } of targets) {
      for (const [label, body] of COMMON) await expectBothLanguages(`${label} → ${path}`, { path, token, body });
    }
  });

  it('answers hostile events, openings and registrations in one language', async () => {
    const events = `/api/v1/cooperations/${yard.id}/events`;
    for (const [label, body] of EVENTS) {
      await expectBothLanguages(label, { path: events, token: tokens.coordinator, body: json(body) });
    }
    for (const [label, body] of OPENINGS) {
      await expectBothLanguages(label, { path: '/api/v1/cooperations', token: tokens.coordinator, body: json(body) });
    }
    for (const [label, body] of MUNICIPALITIES) {
      await expectBothLanguages(label, { path: '/api/v1/municipalities', token: tokens.admin, body: json(body) });
    }
    await expectBothLanguages('checkpoint with a body', {
      path: '/api/v1/audit/checkpoints',
      token: tokens.auditor,
      body: json({ heads: [] }),
    });
    await expectBothLanguages('SQL as id', {
      path: "/api/v1/cooperations/1' OR '1'='1/events",
      token: tokens.coordinator,
      body: json({ type: 'SIGN_LOI' }),
    });
  });

  it('answers random hostile events in one language (fast-check)', async () => {
    const path = `/api/v1/cooperations/${yard.id}/events`;
    await fc.assert(
      fc.asyncProperty(randomEvent, async ({ type, bogus, fields }) => {
        await expectBothLanguages('random event', {
          path,
          token: tokens.coordinator,
          body: json({ ...fields, ...bogus, type }),
        });
      }),
      { numRuns: 40, seed: 20260601 },
    );
  });

  it("answers the edge's own refusals in one language: 401, 403, 404, 412, 415", async () => {
    const events = `/api/v1/cooperations/${yard.id}/events`;
    await expectBothLanguages('401 without a token', { method: 'get', path: '/api/v1/cooperations' });
    await expectBothLanguages('401 with a forged token', {
      method: 'get',
      path: '/api/v1/cooperations',
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    });
    await expectBothLanguages('401 with an expired token', {
      method: 'get',
      path: '/api/v1/cooperations',
      token: await t.token(ADMIN, { expiresIn: -60 }),
    });
    await expectBothLanguages('403 for a role', {
      path: '/api/v1/municipalities',
      token: tokens.auditor,
      body: json({ ags: '05999001', name: 'x', kind: 'Gemeinde' }),
    });
    await expectBothLanguages('404 unknown route', { method: 'get', path: '/api/v1/nowhere', token: tokens.admin });
    await expectBothLanguages('404 unknown cooperation', {
      method: 'get',
      path: `/api/v1/cooperations/${randomUUID()}`,
      token: tokens.coordinator,
    });
    await expectBothLanguages('412 stale If-Match', {
      path: events,
      token: tokens.coordinator,
      headers: { 'If-Match': '"999"' },
      body: json({ type: 'INVITE_PARTNER', municipality: '05554036' }),
    });
    await expectBothLanguages('415 not JSON', {
      path: '/api/v1/cooperations',
      token: tokens.coordinator,
      headers: { 'Content-Type': 'text/plain' },
      body: 'Bauhof',
    });
    expect([...statuses].filter((s) => [401, 403, 404, 412, 413, 415].includes(s)).sort()).toEqual([
      401, 403, 404, 412, 413, 415,
    ]);
  });

  it('answers 429 in one language', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const token = await limited.token(ADMIN);
      await limited.http.get('/api/v1/municipalities').set('Authorization', `Bearer ${token}`);
      const [de, en] = [
        await limited.http.get('/api/v1/municipalities').set('Authorization', `Bearer ${token}`),
        await limited.http
          .get('/api/v1/municipalities')
          .set('Authorization', `Bearer ${token}`)
          .set('Accept-Language', 'en'),
      ];
      expect([de.status, en.status]).toEqual([429, 429]);
      expect(foreignInProblem(de.body, 'de')).toEqual([]);
      expect(foreignInProblem(en.body, 'en')).toEqual([]);
      expect(de.body.detail).toMatch(/^Mehr als 1 Anfragen pro Minute; versuchen Sie es in \d+ s erneut\.$/);
      expect(en.body.detail).toMatch(/^More than 1 requests per minute; retry in \d+ s\.$/);
    } finally {
      await limited.close();
    }
  });

  it('names a field once, by its label: "Titel fehlt" / "title is missing"', async () => {
    const send = (lang?: string) => {
      const req = t.http.post('/api/v1/cooperations').set('Authorization', `Bearer ${tokens.coordinator}`);
      return (lang ? req.set('Accept-Language', lang) : req).send({
        fieldOfWork: 'Bauhof',
        motive: 'synergies',
        description: 'x',
      });
    };
    const [de, en] = [await send(), await send('en')];
    expect(de.body.errors).toEqual([{ path: 'title', messages: ['Titel fehlt.'] }]);
    expect(en.body.errors).toEqual([{ path: 'title', messages: ['title is missing.'] }]);
    expect(de.body.title).toBe('Die Anfrage ist ungültig');
  });
});
