import { COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN, HEEK, LEGDEN } from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { ADMIN, AUDITOR, createTestApp, type TestApp } from './support/test-app';

/**
 * Issue 17, the public project register [P4]: readable without sign-in, a cooperation appears only
 * once every member agreed and leaves at the first revocation, and a contact is named only with the
 * person's own consent and only while their personal data exists.
 */
describe('public project register: only what every member agreed to, contacts only with consent', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil();
    yard.at(new Date('2026-09-01T08:00:00Z'));
  });
  afterAll(() => t.close());

  const anonymous = (query: object = {}, headers: Record<string, string> = {}) =>
    t.http.get('/api/v1/register').query(query).set(headers);
  const entry = async () =>
    ((await anonymous()).body.items as Array<{ cooperationId: string; contacts: unknown[] }>).find(
      (i) => i.cooperationId === yard.id,
    );
  const everything = async () => {
    const [json, csv] = await Promise.all([anonymous(), t.http.get('/api/v1/register.csv')]);
    return JSON.stringify(json.body) + csv.text;
  };

  it('an unpublished cooperation is absent for an anonymous caller, also while only some members agreed', async () => {
    const res = await anonymous();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
    expect((await yard.send(COORD_HEEK, { type: 'AGREE_TO_PUBLICATION' })).status).toBe(200);
    expect((await yard.send(COORD_LEGDEN, { type: 'AGREE_TO_PUBLICATION' })).status).toBe(200);
    expect(await entry()).toBeUndefined();
    expect(await everything()).not.toContain('Bauhof');
    // Agreeing twice is refused and changes nothing.
    expect((await yard.send(COORD_LEGDEN, { type: 'AGREE_TO_PUBLICATION' })).status).toBe(422);
  });

  it('once every member agreed it is public, without any contact until a person consents', async () => {
    expect((await yard.send(COORD_SCHOEPPINGEN, { type: 'AGREE_TO_PUBLICATION' })).status).toBe(200);
    const published = await entry();
    expect(published).toMatchObject({
      title: 'Gemeinsamer Bauhof Heek – Legden – Schöppingen',
      fieldOfWork: 'Bauhof',
      legalForm: 'oeffentlich-rechtliche-vereinbarung',
      phase: 'active',
      inForceSince: expect.stringMatching(/^2026-08-1\d$/),
      contacts: [],
    });
    expect((published as unknown as { members: unknown[] }).members).toHaveLength(3);
    const text = await everything();
    for (const name of ['Anna Brüning', 'Thomas Wewers', 'Katrin Schulze Althoff', '@example.org']) {
      expect(text).not.toContain(name);
    }
  });

  it('a contact appears only after the person consents; a coordinator who is not the contact cannot consent', async () => {
    expect((await yard.send(COORD_HEEK, { type: 'CONSENT_TO_CONTACT_PUBLICATION' })).status).toBe(200);
    const clerk = { sub: 'clerk-legden', role: 'coordinator' as const, municipality: LEGDEN.ags };
    expect((await yard.send(clerk, { type: 'CONSENT_TO_CONTACT_PUBLICATION' })).status).toBe(403);
    expect((await entry())!.contacts).toEqual([
      {
        municipality: HEEK.ags,
        position: 'Fachbereichsleiterin Bauen, Planen, Umwelt',
        name: 'Anna Brüning',
        email: 'coord-heek@example.org',
      },
    ]);
    const text = await everything();
    expect(text).toContain('Anna Brüning');
    expect(text).not.toContain('Thomas Wewers');
    expect(text).not.toContain('Katrin Schulze Althoff');
  });

  it('answers with an ETag and Cache-Control, 304 for the same representation, and CSV', async () => {
    const first = await anonymous();
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await anonymous({}, { 'If-None-Match': first.headers.etag });
    expect(again.status).toBe(304);
    const csv = await t.http.get('/api/v1/register.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFF"Titel";"Arbeitsfeld";"Mitglieder";"Rechtsform";"Phase";"In Kraft seit";"Ansprechpersonen"',
    );
    expect(csv.text).toContain('"Gemeinsamer Bauhof Heek – Legden – Schöppingen";"Bauhof"');
    expect((await anonymous({ region: 'Köln' })).body.items).toEqual([]);
    expect((await anonymous({ district: 'Kreis Borken', q: 'bauhof' })).body.items).toHaveLength(1);
    expect((await anonymous({ region: 'Nirgendwo' })).status).toBe(400);
  });

  it('a revocation takes it out at once, for JSON and CSV alike, and the ETag changes', async () => {
    const before = (await anonymous()).headers.etag;
    expect((await yard.send(COORD_LEGDEN, { type: 'REVOKE_PUBLICATION_AGREEMENT' })).status).toBe(200);
    expect(await entry()).toBeUndefined();
    expect(await everything()).not.toContain('Anna Brüning');
    const after = await anonymous({}, { 'If-None-Match': before });
    expect(after.status).toBe(200);
    expect(after.body.items).toEqual([]);
    expect((await yard.send(COORD_LEGDEN, { type: 'AGREE_TO_PUBLICATION' })).status).toBe(200);
    expect(await entry()).toBeDefined();
  });

  it('a revoked consent and an erasure both remove the contact', async () => {
    expect((await yard.send(COORD_HEEK, { type: 'REVOKE_CONTACT_CONSENT' })).status).toBe(200);
    expect((await entry())!.contacts).toEqual([]);
    expect((await yard.send(COORD_HEEK, { type: 'CONSENT_TO_CONTACT_PUBLICATION' })).status).toBe(200);
    expect((await entry())!.contacts).toHaveLength(1);

    const personRef = (await yard.get(AUDITOR)).body.context.contacts[HEEK.ags].personRef as string;
    const erased = await t.http
      .post(`/api/v1/personal-data/${personRef}/erasure`)
      .set('Authorization', `Bearer ${await yard.token({ ...ADMIN })}`)
      .send({ reason: 'Antrag nach Art. 17 DSGVO' });
    expect(erased.status).toBe(200);
    expect((await entry())!.contacts).toEqual([]);
    expect(await everything()).not.toContain('Anna Brüning');
  });

  it('every step is in the history', async () => {
    const history = await yard.get(AUDITOR, '/history', { query: { limit: 100 } });
    const types = (history.body.items as Array<{ eventType: string }>).map((e) => e.eventType);
    for (const type of [
      'AGREE_TO_PUBLICATION',
      'REVOKE_PUBLICATION_AGREEMENT',
      'CONSENT_TO_CONTACT_PUBLICATION',
      'REVOKE_CONTACT_CONSENT',
    ]) {
      expect(types).toContain(type);
    }
  });
});
