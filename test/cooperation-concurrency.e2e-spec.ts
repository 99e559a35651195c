import { randomUUID } from 'node:crypto';
import { COORD_HEEK, COORD_LEGDEN, OPENING } from './fixtures/building-yard.scenario';
import { BuildingYard, stepNamed } from './support/building-yard';
import { AUDITOR, createTestApp, onRealPostgres, type TestApp } from './support/test-app';

const sequences = async (yard: BuildingYard) =>
  (await yard.get(COORD_HEEK, '/history', { query: { limit: 100 } })).body.items.map(
    (e: { sequence: number }) => e.sequence,
  );
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

const opening = () => {
  const { title, fieldOfWork, motive, description } = OPENING.input;
  return { title, fieldOfWork, motive, description };
};

describe('idempotent retries (any database)', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
  });
  afterAll(() => t.close());

  it('a retried creation returns the original answer and opens nothing twice', async () => {
    const key = randomUUID();
    const create = async (body: object) =>
      t.http
        .post('/api/v1/cooperations')
        .set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`)
        .set('Idempotency-Key', key)
        .send(body);
    const first = await create(opening());
    expect(first.status).toBe(201);
    const retry = await create(opening());
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers.etag).toBe('"1"');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const reused = await create({ ...opening(), title: 'Ein anderer Titel' });
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('/problems/idempotency-key-reused');
    const all = await t.http.get('/api/v1/cooperations').set('Authorization', `Bearer ${await t.token(AUDITOR)}`);
    expect(all.body.items).toHaveLength(1);
    yard.id = first.body.id;
    yard.version = 1;
  });

  it('a retried event returns the original answer and writes nothing, even with its now stale If-Match', async () => {
    const step = stepNamed('invite-legden');
    yard.at(step.at);
    const key = randomUUID();
    const headers = { 'Idempotency-Key': key, 'If-Match': '"1"' };
    const body = { type: 'INVITE_PARTNER', municipality: '05554036' };
    const first = await yard.send(COORD_HEEK, body, headers);
    expect(first.status).toBe(200);
    expect(first.body.entry.idempotencyKey).toBe(key);
    const retry = await yard.send(COORD_HEEK, body, headers);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe('"2"');
    expect(await sequences(yard)).toEqual([1, 2]);

    const reused = await yard.send(COORD_HEEK, { ...body, municipality: '05554052' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('/problems/idempotency-key-reused');
    // The same key on another resource is another request too.
    const elsewhere = await t.http
      .post(`/api/v1/cooperations/${randomUUID()}/events`)
      .set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`)
      .set('Idempotency-Key', key)
      .send(body);
    expect(elsewhere.status).toBe(404);
    expect(await sequences(yard)).toEqual([1, 2]);

    // Keys belong to their caller: Legden's use of the same key is its own request.
    yard.at(stepNamed('accept-legden').at);
    const legden = await yard.send(COORD_LEGDEN, { type: 'ACCEPT_INVITATION' }, { 'Idempotency-Key': key });
    expect(legden.status).toBe(200);
    expect(await sequences(yard)).toEqual([1, 2, 3]);
  });

  it('a refused request is not remembered: its retry is decided afresh', async () => {
    const key = randomUUID();
    const start = () => yard.send(COORD_HEEK, { type: 'START_LETTER_OF_INTENT' }, { 'Idempotency-Key': key });
    const refused = await start();
    expect(refused.status).toBe(409);
    expect(refused.body.obligations.map((o: { id: string }) => o.id)).toEqual(['OBL-CONTACT-AUTHORITY']);
    for (const name of ['appoint-contact-heek', 'appoint-contact-legden']) {
      expect((await yard.step(stepNamed(name))).status).toBe(200);
    }
    const passed = await start();
    expect(passed.status).toBe(200);
    expect(passed.body.cooperation.state).toBe('letterOfIntent');
    expect((await start()).body).toEqual(passed.body);
    expect(await sequences(yard)).toEqual(oneToN(6));
  });
});

// Concurrent retries, creations and different events on one cooperation: test/medium/command-runner.medium-spec.ts.
(onRealPostgres() ? describe : describe.skip)('concurrent commands (PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A building yard whose START_LETTER_OF_INTENT would now pass. */
  const readyToStart = async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('start-letter-of-intent');
    yard.at(stepNamed('start-letter-of-intent').at);
    return yard;
  };

  it.each([
    ['without If-Match', false, 409],
    ['with If-Match', true, 412],
  ])(
    '20 concurrent phase exits %s: exactly one applies, the others are refused',
    async (_name, withIfMatch, refusal) => {
      const yard = await readyToStart();
      const before = yard.version;
      const token = await yard.token(COORD_HEEK);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          t.http
            .post(`/api/v1/cooperations/${yard.id}/events`)
            .set('Authorization', `Bearer ${token}`)
            .set('Idempotency-Key', randomUUID())
            .set(withIfMatch ? { 'If-Match': `"${before}"` } : {})
            .send({ type: 'START_LETTER_OF_INTENT' }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s !== 200)).toEqual(Array(19).fill(refusal));
      const types = new Set(responses.filter((r) => r.status !== 200).map((r) => r.body.type));
      expect(types).toEqual(new Set([withIfMatch ? '/problems/version-mismatch' : '/problems/event-not-allowed']));

      expect(await sequences(yard)).toEqual(oneToN(before + 1));
      const current = await yard.get(COORD_HEEK);
      expect(current.body).toMatchObject({ state: 'letterOfIntent', version: before + 1 });
      expect((await yard.get(COORD_HEEK, '/history/verify')).body).toMatchObject({ valid: true, entries: before + 1 });
    },
  );
});
