import { randomUUID } from 'node:crypto';
import {
  CLERK_LEGDEN,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  LEGDEN,
  LOI_DRAFT,
  SCHOEPPINGEN,
} from './fixtures/building-yard.scenario';
import type { Actor } from '../src/cooperations/domain';
import { BuildingYard, stepNamed } from './support/building-yard';
import { ADMIN, AUDITOR, createTestApp, type TestApp } from './support/test-app';

const COORD_HEIDEN: Actor = { sub: 'coord-heiden', role: 'coordinator', municipality: '05554028' };

describe('who may do what, and what bad input gets', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil('accept-schoeppingen');
  });
  afterAll(() => t.close());

  const historyLength = async () =>
    (await yard.get(COORD_HEEK, '/history', { query: { limit: 100 } })).body.items.length;

  describe('roles and municipalities', () => {
    it('refuses an invitation by a partner that is not the lead (403)', async () => {
      const res = await yard.send(COORD_LEGDEN, { type: 'INVITE_PARTNER', municipality: '05554028' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        type: '/problems/forbidden',
        detail: 'Nur die federführende Kommune darf dieses Ereignis auslösen.',
      });
    });

    it.each([
      ['auditor', AUDITOR],
      ['admin', ADMIN],
    ])('refuses lifecycle events from an %s (403) but lets them read', async (_role, principal) => {
      const token = await t.token(principal);
      const send = await t.http
        .post(`/api/v1/cooperations/${yard.id}/events`)
        .set('Authorization', `Bearer ${token}`)
        .send({ type: 'ACCEPT_INVITATION' });
      expect(send.status).toBe(403);
      expect(send.body.type).toBe('/problems/forbidden');
      const read = await t.http.get(`/api/v1/cooperations/${yard.id}`).set('Authorization', `Bearer ${token}`);
      expect(read.status).toBe(200);
      const list = await t.http.get('/api/v1/cooperations').set('Authorization', `Bearer ${token}`);
      expect(list.body.items.map((c: { id: string }) => c.id)).toContain(yard.id);
    });

    it('hides a cooperation from a municipality that takes no part in it (404, not listed)', async () => {
      const res = await yard.get(COORD_HEIDEN);
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('/problems/cooperation-not-found');
      for (const path of ['/next', '/history', '/history/verify']) {
        expect((await yard.get(COORD_HEIDEN, path)).status).toBe(404);
      }
      const send = await yard.send(COORD_HEIDEN, { type: 'ACCEPT_INVITATION' });
      expect(send.status).toBe(404);
      const list = await t.http
        .get('/api/v1/cooperations')
        .set('Authorization', `Bearer ${await yard.token(COORD_HEIDEN)}`);
      expect(list.body.items).toEqual([]);
      // Once invited, Heiden sees it and may answer the invitation.
      expect(
        (await yard.send(COORD_HEEK, { type: 'INVITE_PARTNER', municipality: COORD_HEIDEN.municipality })).status,
      ).toBe(200);
      expect((await yard.get(COORD_HEIDEN)).status).toBe(200);
      expect((await yard.send(COORD_HEIDEN, { type: 'DECLINE_INVITATION', reason: 'Eigener Bauhof' })).status).toBe(
        200,
      );
      expect((await yard.get(COORD_HEIDEN)).status).toBe(404);
    });

    it('counts a signature only from the appointed contact (403 for another coordinator)', async () => {
      const t2 = await createTestApp();
      try {
        const other = new BuildingYard(t2);
        await other.runUntil('sign-loi-legden');
        other.at(stepNamed('sign-loi-legden').at);
        const res = await other.send(CLERK_LEGDEN, { type: 'SIGN_LOI', version: 1 });
        expect(res.status).toBe(403);
        expect(res.body.detail).toMatch(/benannte Ansprechpartner/);
        expect((await other.step(stepNamed('sign-loi-legden'))).status).toBe(200);
      } finally {
        await t2.close();
      }
    });

    it('lets a board member post events, but the domain refuses what is not theirs (403, nothing recorded)', async () => {
      const before = await historyLength();
      const board: Actor = { sub: 'board-heek', role: 'steering-board', municipality: '05554024' };
      const res = await yard.send(board, { type: 'INVITE_PARTNER', municipality: '05554028' });
      expect(res.status).toBe(403);
      expect(res.body.type).toBe('/problems/forbidden');
      const auditor = await yard.send(AUDITOR, { type: 'ABANDON', reason: 'x' });
      expect(auditor.status).toBe(403);
      expect(await historyLength()).toBe(before);
    });

    it('refuses the timer events over HTTP, whoever sends them (400 unknown type)', async () => {
      const before = await historyLength();
      for (const body of [
        { type: 'REPORT_DUE', reporter: '05554024', period: '2027-Q1', dueAt: '2027-04-01T00:00:00.000Z' },
        { type: 'REPORT_GRACE_EXPIRED', reporter: '05554024', period: '2027-Q1', dueAt: '2027-04-01T00:00:00.000Z' },
        { type: 'CASE_DEADLINE_PASSED', caseId: randomUUID(), level: 1, dueAt: '2027-04-01T00:00:00.000Z' },
        { type: 'NOTICE_PERIOD_ENDED', municipality: '05554024', dueAt: '2027-04-01T00:00:00.000Z' },
      ]) {
        const res = await yard.send(COORD_HEEK, body);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].path).toBe('type');
      }
      expect(await historyLength()).toBe(before);
    });

    it('lets only coordinators open cooperations, with their own municipality as lead', async () => {
      const body = { title: 'Gemeinsame Vergabestelle', fieldOfWork: 'Vergabe', motive: 'synergies', description: '' };
      for (const principal of [
        AUDITOR,
        ADMIN,
        { sub: 'board', role: 'steering-board' as const, municipality: '05554024' },
      ]) {
        const res = await t.http
          .post('/api/v1/cooperations')
          .set('Authorization', `Bearer ${await t.token(principal)}`)
          .send(body);
        expect(res.status).toBe(403);
      }
      const unknown = await t.http
        .post('/api/v1/cooperations')
        .set('Authorization', `Bearer ${await t.token({ sub: 'x', role: 'coordinator', municipality: '05999999' })}`)
        .send(body);
      expect(unknown.status).toBe(403);
    });
  });

  describe('invalid events change nothing', () => {
    it('refuses a partner invited twice (422 naming the field)', async () => {
      const before = await historyLength();
      const res = await yard.send(COORD_HEEK, { type: 'INVITE_PARTNER', municipality: LEGDEN.ags });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        type: '/problems/invalid-event',
        errors: [{ path: 'municipality', messages: [`${LEGDEN.ags} nimmt bereits teil.`] }],
      });
      expect(await historyLength()).toBe(before);
    });

    it('refuses an AGS of 7 digits (400) and an unregistered one (422)', async () => {
      const seven = await yard.send(COORD_HEEK, { type: 'INVITE_PARTNER', municipality: '0555403' });
      expect(seven.status).toBe(400);
      expect(seven.body.type).toBe('/problems/validation-failed');
      expect(seven.body.errors[0].path).toBe('municipality');
      const unknown = await yard.send(COORD_HEEK, { type: 'INVITE_PARTNER', municipality: '05999999' });
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({
        type: '/problems/unknown-municipality',
        errors: [{ path: 'municipality' }],
      });
    });

    it('refuses an unknown event type, listing the allowed ones (400)', async () => {
      const res = await yard.send(COORD_HEEK, { type: 'MERGE_MUNICIPALITIES' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('type');
      expect(res.body.errors[0].messages[0]).toMatch(
        /^Ereignistyp muss einer dieser Ereignistypen sein: INVITE_PARTNER, ACCEPT_INVITATION, .*ABANDON/,
      );
      for (const body of [{}, [], { type: 42 }, { type: 'constructor' }]) {
        expect((await yard.send(COORD_HEEK, body as object)).status).toBe(400);
      }
    });

    it('refuses unknown fields and names nested field paths (400)', async () => {
      const extra = await yard.send(COORD_HEEK, { type: 'ACCEPT_INVITATION', municipality: LEGDEN.ags });
      expect(extra.status).toBe(400);
      expect(extra.body.errors).toEqual([
        { path: 'municipality', messages: ['Kommune ist kein Feld dieser Anfrage; entfernen Sie es.'] },
      ]);

      const draft = {
        ...LOI_DRAFT,
        resources: [
          { ...LOI_DRAFT.resources[0], moneyCents: 12.5, extra: 1 },
          { ...LOI_DRAFT.resources[1], time: 'soon' },
        ],
        successCriteria: [{ indicator: 'x', target: 'ten', unit: '%' }],
      };
      const res = await yard.send(COORD_HEEK, draft);
      expect(res.status).toBe(400);
      const paths = res.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'resources[0].moneyCents',
          'resources[0].extra',
          'resources[1].time',
          'successCriteria[0].target',
        ]),
      );
    });

    it('refuses text PostgreSQL cannot store faithfully (NUL, unpaired surrogates) with 400', async () => {
      const res = await yard.send(COORD_HEEK, { type: 'ABANDON', reason: 'a\u0000b' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'reason', messages: [expect.stringMatching(/NUL/)] }]);
      const surrogate = await t.http
        .post(`/api/v1/cooperations/${yard.id}/events`)
        .set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`)
        .set('Content-Type', 'application/json')
        .send('{"type":"ABANDON","reason":"\\ud800"}');
      expect(surrogate.status).toBe(400);
    });

    it('answers malformed and unknown ids with 400 and 404', async () => {
      const token = await yard.token(COORD_HEEK);
      const bad = await t.http.get('/api/v1/cooperations/not-a-uuid').set('Authorization', `Bearer ${token}`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([
        { path: 'id', messages: ['Kennung muss eine UUID sein, z. B. 0b5f4b9e-6c1d-4f7a-9a57-3f0c2d1e8a44.'] },
      ]);
      const unknown = await t.http.get(`/api/v1/cooperations/${randomUUID()}`).set('Authorization', `Bearer ${token}`);
      expect(unknown.status).toBe(404);
      const event = await t.http
        .post(`/api/v1/cooperations/${randomUUID()}/events`)
        .set('Authorization', `Bearer ${token}`)
        .send({ type: 'ACCEPT_INVITATION' });
      expect(event.status).toBe(404);
    });

    it('refuses a stale If-Match with 412 and the current version; a malformed one with 400', async () => {
      const current = yard.version;
      const stale = await yard.send(COORD_HEEK, { type: 'START_LETTER_OF_INTENT' }, { 'If-Match': `"${current - 1}"` });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ type: '/problems/version-mismatch', currentVersion: current });
      expect(stale.headers.etag).toBe(`"${current}"`);
      const malformed = await yard.send(COORD_HEEK, { type: 'START_LETTER_OF_INTENT' }, { 'If-Match': `${current}` });
      expect(malformed.status).toBe(400);
      const badKey = await yard.send(COORD_HEEK, { type: 'START_LETTER_OF_INTENT' }, { 'Idempotency-Key': 'abc' });
      expect(badKey.status).toBe(400);
      expect(badKey.body.errors[0].path).toBe('Idempotency-Key');
    });

    it('refuses a council resolution dated in the future (422 naming `date`)', async () => {
      const t2 = await createTestApp();
      try {
        const other = new BuildingYard(t2);
        await other.runUntil('council-heek');
        const step = stepNamed('council-heek');
        other.at(step.at);
        const res = await other.send(COORD_HEEK, { ...step.event, date: '2026-06-20' });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([
          { path: 'date', messages: ['Datum darf nicht in der Zukunft liegen (heute ist 2026-06-19).'] },
        ]);
        // A resolution of a council this municipality does not have is refused as well.
        const body = await other.send(COORD_SCHOEPPINGEN, { ...step.event, body: 'Kreistag' });
        expect(body.status).toBe(422);
        expect(body.body.errors[0].path).toBe('body');
      } finally {
        await t2.close();
      }
    });
  });

  describe('lists', () => {
    it('filters by state, municipality and title, and pages with cursors', async () => {
      const token = await t.token(AUDITOR);
      const list = (query: object) =>
        t.http.get('/api/v1/cooperations').query(query).set('Authorization', `Bearer ${token}`);
      // Two more cooperations of Schöppingen, so that there is something to page through.
      for (const title of ['Gemeinsame Vergabestelle Schöppingen', 'Standesamt Schöppingen – Heek']) {
        const res = await t.http
          .post('/api/v1/cooperations')
          .set('Authorization', `Bearer ${await yard.token(COORD_SCHOEPPINGEN)}`)
          .send({ title, fieldOfWork: 'Verwaltung', motive: 'synergies', description: 'x' });
        expect(res.status).toBe(201);
        expect(res.headers.location).toBe(`/api/v1/cooperations/${res.body.id}`);
        expect(res.headers.etag).toBe('"1"');
      }
      expect((await list({ state: 'partnerSearch' })).body.items).toHaveLength(3);
      expect((await list({ state: 'contract' })).body.items).toHaveLength(0);
      expect((await list({ municipality: LEGDEN.ags })).body.items.map((c: { id: string }) => c.id)).toEqual([yard.id]);
      expect((await list({ municipality: SCHOEPPINGEN.ags })).body.items).toHaveLength(3);
      expect((await list({ q: 'bauhof' })).body.items.map((c: { id: string }) => c.id)).toEqual([yard.id]);
      expect((await list({ q: 'SCHÖPPINGEN' })).body.items).toHaveLength(3);
      expect((await list({ q: 'schoppingen' })).body.items).toHaveLength(3);
      expect((await list({ q: 'schoeppingen' })).body.items).toHaveLength(3);
      expect((await list({ q: '%' })).body.items).toHaveLength(0);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await list({ limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((c: { id: string }) => c.id));
        cursor = res.body.next ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(3);
      expect(new Set(seen).size).toBe(3);

      // Legden sees only what it takes part in.
      const legden = await t.http
        .get('/api/v1/cooperations')
        .set('Authorization', `Bearer ${await yard.token(COORD_LEGDEN)}`);
      expect(legden.body.items.map((c: { id: string }) => c.id)).toEqual([yard.id]);
      expect(legden.body.items[0]).toMatchObject({ lead: '05554024', state: 'partnerSearch' });
      expect(legden.body.items[0].context).toBeUndefined();

      for (const bad of [{ municipality: '123' }, { state: 'a b' }, { cursor: 'WyJ4Il0' }, { limit: 0 }]) {
        expect((await list(bad)).status).toBe(400);
      }
    });
  });

  describe('the rules as data', () => {
    it('serves the obligation catalog and the machine as JSON and Mermaid to every role', async () => {
      const token = await t.token(AUDITOR);
      const obligations = await t.http.get('/api/v1/obligations').set('Authorization', `Bearer ${token}`);
      expect(obligations.status).toBe(200);
      expect(obligations.body.items[0]).toMatchObject({
        id: 'OBL-PARTNERS-MIN',
        phase: 'partnerSearch',
        text: { de: expect.any(String), en: expect.any(String) },
        citation: expect.any(String),
        satisfiedBy: { de: expect.any(String), en: expect.any(String) },
      });
      const json = await t.http.get('/api/v1/lifecycle').set('Authorization', `Bearer ${token}`);
      expect(json.body).toMatchObject({ initial: 'partnerSearch', version: expect.any(Number) });
      const contract = json.body.states.find((s: { id: string }) => s.id === 'contract');
      expect(contract.events.find((e: { type: string }) => e.type === 'PUT_INTO_FORCE').obligations).toContain(
        'OBL-SUPERVISORY-STEP',
      );
      for (const path of ['/api/v1/lifecycle?format=mermaid', '/api/v1/lifecycle.mermaid']) {
        const res = await t.http.get(path).set('Authorization', `Bearer ${token}`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/plain/);
        expect(res.text).toMatch(/^stateDiagram-v2\n {2}\[\*\] --> partnerSearch/);
      }
      expect((await t.http.get('/api/v1/lifecycle?format=svg').set('Authorization', `Bearer ${token}`)).status).toBe(
        400,
      );
      expect((await t.http.get('/api/v1/obligations')).status).toBe(401);
    });

    it('documents one request schema per event type in the OpenAPI document', async () => {
      const doc = (await t.http.get('/docs-json')).body;
      const body = doc.paths['/api/v1/cooperations/{id}/events'].post.requestBody.content['application/json'].schema;
      expect(body.discriminator.propertyName).toBe('type');
      expect(Object.keys(body.discriminator.mapping)).toContain('SIGN_LOI');
      expect(body.oneOf).toHaveLength(Object.keys(body.discriminator.mapping).length);
      expect(doc.components.schemas.DraftLoiEvent.properties.resources.items.$ref).toBe(
        '#/components/schemas/ResourcePledgeDto',
      );
    });
  });
});
