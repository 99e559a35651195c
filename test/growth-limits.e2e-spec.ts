import { randomUUID } from 'node:crypto';
import { COORD_HEEK, HEEK, LOI_DRAFT } from './fixtures/building-yard.scenario';
import { BuildingYard, stepNamed, toBody } from './support/building-yard';
import { PDF } from './support/evidence-files';
import { coordinatorOf, createTestApp, type TestApp } from './support/test-app';
import { IdempotencyRetention } from '../src/cooperations/application/idempotency-retention';

/*
 * Issue 12, item 7: what one caller can make grow. Superseded drafts leave the snapshot and the
 * answers; drafts, open cases, cooperations and documents have limits (docs/limits.md); stored
 * idempotent answers expire.
 */
const KOELN = coordinatorOf('05315000');
const OPENING_BODY = {
  title: 'Gemeinsame Vergabestelle',
  fieldOfWork: 'Vergabe',
  motive: 'synergies',
  description: 'Eine gemeinsame Vergabestelle.',
};

describe('limits on growth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      MAX_DRAFTS_PER_COOPERATION: '3',
      MAX_OPEN_CASES_PER_COOPERATION: '2',
      MAX_COOPERATIONS_PER_CALLER_PER_DAY: '3',
      MAX_DOCUMENTS_PER_COOPERATION: '2',
      MAX_DOCUMENTS_PER_CALLER_PER_DAY: '3',
    });
  });
  afterAll(() => t.close());

  const expectLimit = (res: { status: number; body: Record<string, unknown> }, status: number, limit: string) => {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ type: '/problems/limit-exceeded', status, limit });
  };

  it('keeps superseded LoI drafts out of the snapshot and answers; refuses a draft beyond the limit', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('draft-loi');
    const step = stepNamed('draft-loi');
    yard.at(step.at);
    const sizes: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const res = await yard.send(step.actor, toBody(LOI_DRAFT), { 'Idempotency-Key': randomUUID() });
      expect(res.status).toBe(200);
      expect(res.body.cooperation.context.loi.versions.map((v: { version: number }) => v.version)).toEqual([i]);
      sizes.push(JSON.stringify(res.body).length);
    }
    expect(sizes[2]).toBeLessThan(sizes[0] + 200);
    // The history keeps every draft.
    const history = await yard.get(COORD_HEEK, '/history', { query: { limit: 100 } });
    expect(history.body.items.filter((e: { eventType: string }) => e.eventType === 'DRAFT_LOI')).toHaveLength(3);
    const version = yard.version;
    expectLimit(await yard.send(step.actor, toBody(LOI_DRAFT)), 409, 'MAX_DRAFTS_PER_COOPERATION');
    expect((await yard.get(COORD_HEEK)).body.version).toBe(version);
    // Signing the current version is still possible above the limit.
    expect((await yard.send(COORD_HEEK, { type: 'SIGN_LOI', version: 3 })).status).toBe(200);
  });

  it('refuses an escalation case beyond the open cases limit (409)', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil();
    const conflict = (n: number) => ({
      type: 'RAISE_CONFLICT',
      subject: `Winterdienst ${n}`,
      description: 'Streit über die Reihenfolge der Räumung',
      parties: [HEEK.ags],
    });
    expect((await yard.send(COORD_HEEK, conflict(1))).status).toBe(200);
    expect((await yard.send(COORD_HEEK, conflict(2))).status).toBe(200);
    expectLimit(await yard.send(COORD_HEEK, conflict(3)), 409, 'MAX_OPEN_CASES_PER_COOPERATION');
  });

  it('refuses a caller a cooperation beyond the limit per day (429); others still open theirs', async () => {
    const open = async (who = KOELN) =>
      t.http
        .post('/api/v1/cooperations')
        .set('Authorization', `Bearer ${await t.token(who)}`)
        .send(OPENING_BODY);
    for (let i = 0; i < 3; i++) expect((await open()).status).toBe(201);
    const refused = await open();
    expectLimit(refused, 429, 'MAX_COOPERATIONS_PER_CALLER_PER_DAY');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await open(coordinatorOf('05315000', 'clerk-koeln'))).status).toBe(201);
  });

  it('refuses documents beyond the limits per cooperation (409) and per caller and day (429)', async () => {
    const opened = async () =>
      (
        await t.http
          .post('/api/v1/cooperations')
          .set('Authorization', `Bearer ${await t.token(coordinatorOf('05315000', 'docs-koeln'))}`)
          .send(OPENING_BODY)
      ).body.id as string;
    const [first, second] = [await opened(), await opened()];
    const upload = async (id: string) =>
      t.http
        .post(`/api/v1/cooperations/${id}/documents`)
        .set('Authorization', `Bearer ${await t.token(coordinatorOf('05315000', 'docs-koeln'))}`)
        .attach('file', PDF, 'beleg.pdf');
    expect((await upload(first)).status).toBe(201);
    expect((await upload(first)).status).toBe(201);
    expectLimit(await upload(first), 409, 'MAX_DOCUMENTS_PER_COOPERATION');
    expect((await upload(second)).status).toBe(201);
    expectLimit(await upload(second), 429, 'MAX_DOCUMENTS_PER_CALLER_PER_DAY');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM cooperation_documents WHERE cooperation_id = ANY($1::uuid[])`,
      [[first, second]],
    );
    expect(n).toBe(3);
  });
});

describe('stored idempotent answers expire', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ IDEMPOTENCY_RETENTION_HOURS: '48' });
  });
  afterAll(() => t.close());

  const age = (hours: number) =>
    t.dataSource.query(`UPDATE idempotency_keys SET created_at = created_at - make_interval(hours => $1)`, [hours]);

  it('replays within the retention; after it, the same key is decided afresh', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('draft-loi');
    yard.at(stepNamed('draft-loi').at);
    const key = { 'Idempotency-Key': randomUUID() };
    const first = await yard.send(COORD_HEEK, toBody(LOI_DRAFT), key);
    expect(first.status).toBe(200);
    await age(47);
    const replayed = await yard.send(COORD_HEEK, toBody(LOI_DRAFT), key);
    expect(replayed.body).toEqual(first.body);
    await age(2);
    const fresh = await yard.send(COORD_HEEK, toBody(LOI_DRAFT), key);
    expect(fresh.status).toBe(200);
    expect(fresh.body.cooperation.version).toBe(first.body.cooperation.version + 1);
    expect(fresh.body.cooperation.context.loi.versions[0].version).toBe(2);
  });

  it('removes expired answers in the periodic cleanup and keeps the others', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('draft-loi');
    await age(49);
    const [{ before }] = await t.dataSource.query(`SELECT count(*)::int AS before FROM idempotency_keys`);
    expect(before).toBeGreaterThan(0);
    await yard.step(stepNamed('draft-loi')); // one fresh answer
    expect(await t.app.get(IdempotencyRetention).removeExpired()).toBe(before);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys`)).toEqual([{ n: 1 }]);
  });
});
