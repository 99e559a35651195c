import { randomUUID } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { COORD_HEEK, COORD_LEGDEN, LEGDEN } from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { PDF } from './support/evidence-files';
import { ADMIN, AUDITOR, coordinatorOf, createTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';

/**
 * The edges of the hostile-input suite (issue 12, items 6 and 8): query parameters and decoded
 * cursors are validated like bodies, encodings and byte sequences a body cannot have are refused,
 * prototype keys are unknown fields, header overflow is problem+json, and `sub` is a real string.
 * Every answer is a 4xx problem+json; nothing is written.
 */
const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const INT4_OVERFLOW = 2 ** 31;
const SOME_UUID = '0b5c9a52-5a8e-4a0c-9a0f-2f8f4c1d6e7a';

/** A request as bytes, past supertest (which would serialize a Buffer body as JSON). */
function rawRequest(
  server: Server,
  options: { method?: string; path: string; headers: Record<string, string>; body?: Buffer },
): Promise<{ status: number; type: string; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, agent: false, ...options }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('hostile edges: every one a 4xx problem+json, nothing written', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let coordinator: string;
  let auditor: string;
  let admin: string;
  let legden: string;
  let server: Server;
  const legdenKey = randomUUID();
  let before: unknown;

  const counts = async () => ({
    history: (await t.dataSource.query(`SELECT count(*)::int AS n FROM cooperation_history`))[0].n,
    documents: (await t.dataSource.query(`SELECT count(*)::int AS n FROM cooperation_documents`))[0].n,
    answers: (await t.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys`))[0].n,
    cooperations: await t.dataSource.query(`SELECT id, version FROM cooperations ORDER BY id`),
  });

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: unknown }, status?: number) => {
    expect({
      status: res.status,
      problem: /^application\/problem\+json/.test(String(res.headers['content-type'])),
    }).toEqual({ status: status ?? expect.any(Number), problem: true });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  };

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.open();
    coordinator = await yard.token(COORD_HEEK);
    auditor = await t.token(AUDITOR);
    admin = await t.token(ADMIN);
    // Legden takes part in nothing of Heek's; the key it used for an opening of its own is stored.
    legden = await t.token(coordinatorOf(LEGDEN.ags, COORD_LEGDEN.sub));
    const opening = await t.http
      .post('/api/v1/cooperations')
      .set('Authorization', `Bearer ${legden}`)
      .set('Idempotency-Key', legdenKey)
      .send({ title: 'Eigene', fieldOfWork: 'Bauhof', motive: 'synergies', description: 'x' });
    expect(opening.status).toBe(201);
    before = await counts();
    server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await counts()).toEqual(before);
    await t.close();
  });

  describe('item 6: query parameters and cursors', () => {
    const get = (path: string, token: string, query: Record<string, string | number>) =>
      t.http.get(path).query(query).set('Authorization', `Bearer ${token}`);

    it('refuses NUL in query parameters of every list (400)', async () => {
      const cases: Array<[string, string]> = [
        ['/api/v1/cooperations?q=Bau%00hof', coordinator],
        ['/api/v1/municipalities?q=He%00ek', admin],
        ['/api/v1/municipalities?district=Kreis%00', admin],
        ['/api/v1/municipalities?region=%00', admin],
        ['/api/v1/audit/transitions?actor=coord%00heek', auditor],
        ['/api/v1/cooperations?%00=1', coordinator],
      ];
      for (const [path, token] of cases) {
        const res = await t.http.get(path).set('Authorization', `Bearer ${token}`);
        expectProblem(res, 400);
        expect({ path, type: res.body.type }).toEqual({ path, type: '/problems/validation-failed' });
      }
    });

    it('refuses cursors whose decoded key has NUL, a wrong shape or an integer beyond int4 (400)', async () => {
      const cases: Array<[string, string, unknown]> = [
        ['/api/v1/municipalities', admin, ['Heek\u0000', '05554024']],
        ['/api/v1/municipalities', admin, [1, 2]],
        [`/api/v1/cooperations/${yard.id}/history`, coordinator, [INT4_OVERFLOW]],
        [`/api/v1/cooperations/${yard.id}/history`, coordinator, [-1]],
        ['/api/v1/audit/transitions', auditor, ['2026-01-01T00:00:00.000Z', SOME_UUID, INT4_OVERFLOW]],
        ['/api/v1/audit/transitions', auditor, ['0000-01-01T00:00:00.000Z', SOME_UUID, 1]],
        ['/api/v1/audit/transitions', auditor, ['2026-01-01\u0000', SOME_UUID, 1]],
        ['/api/v1/audit/checkpoints', auditor, ['0000-01-01T00:00:00.000Z', SOME_UUID]],
        ['/api/v1/escalations', coordinator, ['2026-01-01T00:00:00.000Z\u0000', 'x\u0000']],
      ];
      for (const [path, token, key] of cases) {
        const res = await get(path, token, { cursor: cursor(key) });
        expectProblem(res, 400);
        expect({ path, key, type: res.body.type }).toEqual({ path, key, type: '/problems/invalid-cursor' });
      }
    });

    it('refuses after= beyond int4 (400)', async () => {
      for (const after of [INT4_OVERFLOW, 1e20]) {
        const res = await get(`/api/v1/cooperations/${yard.id}/history`, coordinator, { after });
        expectProblem(res, 400);
      }
    });
  });

  describe('item 6: bodies', () => {
    it('refuses a Content-Encoding the body does not have (400, gzip, deflate, br)', async () => {
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const res = await t.http
          .post(`/api/v1/cooperations/${yard.id}/events`)
          .set('Authorization', `Bearer ${coordinator}`)
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', encoding)
          .send('{"type":"LEAVE_PARTNER_SEARCH","reason":"x"}');
        expectProblem(res, 400);
      }
    });

    it('refuses NUL in multipart text fields and file names (400)', async () => {
      const upload = () =>
        t.http.post(`/api/v1/cooperations/${yard.id}/documents`).set('Authorization', `Bearer ${coordinator}`);
      expectProblem(await upload().attach('file', PDF, 'ok.pdf').field('description', 'a\u0000b'), 400);
      expectProblem(await upload().attach('file', PDF, 'ok.pdf').field('kind', 'other\u0000'), 400);
      expectProblem(await upload().attach('file', PDF, 'nul\u0000.pdf'), 400);
    });
  });

  describe('item 8: small ones', () => {
    it('refuses __proto__, constructor and prototype keys as unknown fields (JSON, 400)', async () => {
      // Otherwise valid openings: today the key is dropped and the cooperation opened.
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const raw = `{"title":"t","fieldOfWork":"f","motive":"synergies","description":"d","${key}":{"a":1}}`;
        const res = await t.http
          .post('/api/v1/cooperations')
          .set('Authorization', `Bearer ${coordinator}`)
          .set('Content-Type', 'application/json')
          .send(raw);
        expectProblem(res, 400);
        expect(res.body.errors).toEqual([
          { path: key, messages: [`„${key}“ ist kein Feld dieser Anfrage; entfernen Sie es.`] },
        ]);
      }
    });

    it('refuses __proto__ and constructor fields in multipart (400)', async () => {
      for (const field of ['__proto__', 'constructor']) {
        const res = await t.http
          .post(`/api/v1/cooperations/${yard.id}/documents`)
          .set('Authorization', `Bearer ${coordinator}`)
          .attach('file', PDF, 'ok.pdf')
          .field(field, 'x');
        expectProblem(res, 400);
      }
    });

    it('refuses invalid UTF-8 in a JSON body (400), instead of storing U+FFFD', async () => {
      const raw = Buffer.concat([
        Buffer.from('{"title":"Bauhof '),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('","fieldOfWork":"Bauhof","motive":"synergies","description":"x"}'),
      ]);
      const res = await rawRequest(server, {
        method: 'POST',
        path: '/api/v1/cooperations',
        headers: { Authorization: `Bearer ${coordinator}`, 'Content-Type': 'application/json' },
        body: raw,
      });
      expect([res.status, res.type]).toEqual([400, expect.stringMatching(/^application\/problem\+json/)]);
      expect(JSON.parse(res.body).detail).toBe('Der Inhalt ist kein gültiges UTF-8; senden Sie ihn in UTF-8 kodiert.');
    });

    it('answers a header section over 16 KiB with a problem+json 431', async () => {
      const answer = await rawRequest(server, {
        path: '/api/v1/obligations',
        headers: { Authorization: `Bearer ${'a'.repeat(17 * 1024)}` },
      });
      expect(answer.status).toBe(431);
      expect(answer.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body)).toMatchObject({ type: '/problems/request-header-fields-too-large', status: 431 });
    });

    it('refuses tokens whose sub is no non-empty string, or the scheduler\'s reserved "system" (401)', async () => {
      const sign = (sub: unknown) =>
        new SignJWT({ sub, role: 'auditor' } as Record<string, unknown>)
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(TEST_JWT_SECRET));
      for (const sub of [42, { id: 'x' }, '', ['a'], 'system', 'a\u0000b', 'x'.repeat(256)]) {
        const res = await t.http.get('/api/v1/obligations').set('Authorization', `Bearer ${await sign(sub)}`);
        expect({ sub, status: res.status }).toEqual({ sub, status: 401 });
      }
    });

    it('an Idempotency-Key the caller used elsewhere does not tell whether a foreign cooperation exists (404 both)', async () => {
      const send = (id: string) =>
        t.http
          .post(`/api/v1/cooperations/${id}/events`)
          .set('Authorization', `Bearer ${legden}`)
          .set('Idempotency-Key', legdenKey)
          .send({ type: 'LEAVE_PARTNER_SEARCH', reason: 'x' });
      const foreign = await send(yard.id);
      const unknown = await send(randomUUID());
      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, detail: undefined, instance: undefined }).toEqual({
        ...unknown.body,
        detail: undefined,
        instance: undefined,
      });
    });
  });
});
