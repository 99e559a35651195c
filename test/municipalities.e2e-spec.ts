import { ADMIN, AUDITOR, coordinatorOf, createTestApp, type TestApp } from './support/test-app';

describe('municipality registry (GET/POST /api/v1/municipalities)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await t.token(coordinatorOf('05315000'));
  });
  afterAll(() => t.close());

  const search = (query: Record<string, string | number>) =>
    t.http.get('/api/v1/municipalities').query(query).set('Authorization', `Bearer ${token}`);

  it('loads the 396 NRW municipalities and the 31 Kreise', async () => {
    const [{ count: all }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM municipalities`);
    const kinds = await t.dataSource.query(
      `SELECT kind, count(*)::int AS count FROM municipalities GROUP BY kind ORDER BY kind COLLATE "C"`,
    );
    expect(all).toBe(427);
    expect(kinds).toEqual([
      { kind: 'Gemeinde', count: 124 },
      { kind: 'Kreis', count: 31 },
      { kind: 'Stadt', count: 250 },
      { kind: 'kreisfreie Stadt', count: 22 },
    ]);
  });

  it.each(['koeln', 'Köln', 'KÖLN', 'koln', ' köln '])('finds Köln by %p', async (q) => {
    const res = await search({ q });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({
      ags: '05315000',
      name: 'Köln',
      kind: 'kreisfreie Stadt',
      district: 'Köln',
      region: 'Köln',
      land: 'Nordrhein-Westfalen',
    });
  });

  it('finds Mülheim an der Ruhr by "muelheim" and treats % and _ as letters', async () => {
    expect((await search({ q: 'muelheim' })).body.items.map((m: { ags: string }) => m.ags)).toEqual(['05117000']);
    expect((await search({ q: '%' })).body.items).toEqual([]);
    expect((await search({ q: 'M_lheim' })).body.items).toEqual([]);
  });

  it('filters by district, region and kind', async () => {
    const res = await search({ district: 'Kreis Borken', kind: 'Gemeinde', limit: 100 });
    expect(res.body.items.map((m: { name: string }) => m.name)).toEqual([
      'Heek',
      'Heiden',
      'Legden',
      'Raesfeld',
      'Reken',
      'Schöppingen',
      'Südlohn',
    ]);
    const kreise = await search({ region: 'Arnsberg', kind: 'Kreis', limit: 100 });
    expect(kreise.body.items).toHaveLength(7);
    expect(kreise.body.items.map((m: { ags: string }) => m.ags)).toContain('05974000');
  });

  it('pages through a region with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await search({ region: 'Detmold', limit: 30, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(30);
      seen.push(...res.body.items.map((m: { ags: string }) => m.ags));
      cursor = res.body.next ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(70 + 6); // 70 municipalities and 6 Kreise in Regierungsbezirk Detmold
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers a bad cursor, limit or kind with 400 and field paths', async () => {
    const bad = await search({ cursor: 'bm90LWEtY3Vyc29y' });
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe('/problems/invalid-cursor');
    const limit = await search({ limit: 1000, kind: 'Dorf' });
    expect(limit.status).toBe(400);
    expect(limit.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limit.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['kind', 'limit']);
  });

  it('gets one body by key: 200, 404 for an unknown key, 400 for a malformed one', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    expect((await t.http.get('/api/v1/municipalities/05554024').set(auth)).body.name).toBe('Heek');
    const missing = await t.http.get('/api/v1/municipalities/05999999').set(auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, type: '/problems/municipality-not-found' });
    const malformed = await t.http.get('/api/v1/municipalities/0531500').set(auth);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      { path: 'ags', messages: ['AGS muss ein Amtlicher Gemeindeschlüssel aus 8 Ziffern sein, z. B. 05554036.'] },
    ]);
  });

  it('lets an admin register another public body, once, and nobody else', async () => {
    const body = {
      ags: '05900001',
      name: 'Landschaftsverband Westfalen-Lippe',
      kind: 'Landschaftsverband',
      region: 'Münster',
    };
    const admin = `Bearer ${await t.token(ADMIN)}`;
    const created = await t.http.post('/api/v1/municipalities').set('Authorization', admin).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, district: null, land: 'Nordrhein-Westfalen' });
    expect((await search({ q: 'landschaftsverband w' })).body.items[0].ags).toBe('05900001');
    const again = await t.http.post('/api/v1/municipalities').set('Authorization', admin).send(body);
    expect(again.status).toBe(409);
    for (const principal of [coordinatorOf('05315000'), AUDITOR]) {
      const res = await t.http
        .post('/api/v1/municipalities')
        .set('Authorization', `Bearer ${await t.token(principal)}`)
        .send({ ...body, ags: '05900002' });
      expect(res.status).toBe(403);
    }
  });

  it('refuses an admin body with a 7-digit key or unknown fields', async () => {
    const admin = `Bearer ${await t.token(ADMIN)}`;
    const res = await t.http
      .post('/api/v1/municipalities')
      .set('Authorization', admin)
      .send({ ags: '0590001', name: 'X', kind: 'Kreis', population: 5 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['ags', 'population']);
  });
});
