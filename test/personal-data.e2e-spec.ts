import { createHash } from 'node:crypto';
import { canonicalize } from '../src/history';
import { COORD_HEEK, COORD_LEGDEN } from './fixtures/building-yard.scenario';
import { BuildingYard, stepNamed, toBody } from './support/building-yard';
import { ADMIN, AUDITOR, createTestApp, type TestApp } from './support/test-app';

const NAME = 'Anna Brüning';
const EMAIL = 'coord-heek@example.org';
const OTHER_NAME = 'Thomas Wewers';

interface Entry {
  sequence: number;
  eventType: string;
  payload: Record<string, unknown>;
  actor: { municipality: string | null };
  idempotencyKey: string | null;
}

describe('personal data outside the hash chain, and its erasure (GDPR)', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let history: Entry[];
  let personRef: string;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil();
    history = (await yard.get(AUDITOR, '/history', { query: { limit: 100 } })).body.items as Entry[];
  });
  afterAll(() => t.close());

  const auth = async (who: object) => `Bearer ${await yard.token(who as never)}`;
  const appointment = () =>
    history.find((e) => e.eventType === 'APPOINT_CONTACT' && e.actor.municipality === COORD_HEEK.municipality)!;

  it('the history holds a reference and a salted hash of the contact, never the name or e-mail', async () => {
    const entry = appointment();
    expect(entry.payload).not.toHaveProperty('name');
    expect(entry.payload).not.toHaveProperty('email');
    expect(entry.payload).toMatchObject({
      personRef: expect.stringMatching(/^[0-9a-f-]{36}$/),
      personHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      position: 'Fachbereichsleiterin Bauen, Planen, Umwelt',
      userSub: 'coord-heek',
    });
    personRef = entry.payload.personRef as string;
    // personHash = SHA-256(salt ‖ canonical({name, email})), the salt kept beside the fields.
    const [row] = await t.dataSource.query(`SELECT fields, salt FROM personal_data WHERE id = $1`, [personRef]);
    expect(row.fields).toEqual({ name: NAME, email: EMAIL });
    const expected = createHash('sha256')
      .update(Buffer.from(row.salt as string, 'hex'))
      .update(canonicalize(row.fields))
      .digest('hex');
    expect(entry.payload.personHash).toBe(expected);
    // Signatures keep the signatory's name in the snapshot, never in the history.
    const text = JSON.stringify(history);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(OTHER_NAME);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM cooperation_history WHERE payload::text LIKE '%' || $1 || '%'`,
      [NAME],
    );
    expect(n).toBe(0);
  });

  it('API answers resolve the reference before erasure: the cooperation names its contact', async () => {
    const coop = await yard.get(AUDITOR);
    expect(coop.body.context.contacts[COORD_HEEK.municipality!]).toMatchObject({ name: NAME, email: EMAIL, personRef });
    // No cache may keep it: an erasure keeps the version (ETag), so a kept copy would be revalidated.
    expect(coop.headers['cache-control']).toBe('no-store');
    const record = await t.http.get(`/api/v1/personal-data/${personRef}`).set('Authorization', await auth(ADMIN));
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      id: personRef,
      subjectKind: 'contact',
      cooperationId: yard.id,
      municipality: COORD_HEEK.municipality,
      fields: { name: NAME, email: EMAIL },
      erasure: null,
    });
  });

  it('only admins erase, with a reason', async () => {
    const url = `/api/v1/personal-data/${personRef}/erasure`;
    expect(
      (
        await t.http
          .post(url)
          .set('Authorization', await auth(AUDITOR))
          .send({ reason: 'x' })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.http
          .post(url)
          .set('Authorization', await auth(COORD_HEEK))
          .send({ reason: 'x' })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.http
          .post(url)
          .set('Authorization', await auth(ADMIN))
          .send({})
      ).status,
    ).toBe(400);
    expect(
      (
        await t.http
          .post(url)
          .set('Authorization', await auth(ADMIN))
          .send({ reason: ' ' })
      ).status,
    ).toBe(400);
    const unknown = await t.http
      .post('/api/v1/personal-data/00000000-0000-4000-8000-000000000000/erasure')
      .set('Authorization', await auth(ADMIN))
      .send({ reason: 'x' });
    expect(unknown.status).toBe(404);
  });

  it('after erasure the name is in no API answer, the chain verifies and the erasure is recorded', async () => {
    const headBefore = (await yard.get(AUDITOR, '/history/verify')).body;
    const erased = await t.http
      .post(`/api/v1/personal-data/${personRef}/erasure`)
      .set('Authorization', await auth(ADMIN))
      .send({ reason: 'Antrag nach Art. 17 DSGVO vom 02.03.2027' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      id: personRef,
      fields: { erased: true },
      erasure: { by: { sub: ADMIN.sub, role: 'admin' }, reason: 'Antrag nach Art. 17 DSGVO vom 02.03.2027' },
    });
    expect(erased.body.erasure.at).toEqual(expect.any(String));
    // The salt is gone: the hash can no longer be tested against guessed names.
    const [row] = await t.dataSource.query(`SELECT fields, salt, erased_at FROM personal_data WHERE id = $1`, [
      personRef,
    ]);
    expect(row).toMatchObject({ fields: { erased: true }, salt: null });

    const answers: string[] = [];
    const collect = (res: { status: number; text: string }) => {
      expect(res.status).toBe(200);
      answers.push(res.text);
    };
    for (const who of [AUDITOR, ADMIN, COORD_HEEK, COORD_LEGDEN]) {
      collect(await yard.get(who));
      collect(await yard.get(who, '/next'));
      collect(await yard.get(who, '/history', { query: { limit: 100 } }));
      collect(await yard.get(who, '/history/verify'));
      collect(await yard.get(who, '/reports'));
      collect(await yard.get(who, '/documents'));
      collect(await t.http.get('/api/v1/cooperations').set('Authorization', await auth(who)));
      collect(await t.http.get('/api/v1/escalations').set('Authorization', await auth(who)));
    }
    for (const accept of ['application/json', 'application/x-ndjson', 'text/csv']) {
      collect(
        await t.http
          .get('/api/v1/audit/transitions')
          .query({ limit: 100 })
          .set('Authorization', await auth(AUDITOR))
          .set('Accept', accept)
          .buffer(true)
          .parse((r, cb) => {
            let s = '';
            r.setEncoding('utf8');
            r.on('data', (c: string) => (s += c));
            r.on('end', () => cb(null, s));
          })
          .then((res) => ({ status: res.status, text: res.body as string })),
      );
    }
    collect(await t.http.get(`/api/v1/personal-data/${personRef}`).set('Authorization', await auth(ADMIN)));
    // A retry of the original appointment (same key, same body) gets the stored answer: scrubbed too.
    const step = stepNamed('appoint-contact-heek');
    const replay = await t.http
      .post(`/api/v1/cooperations/${yard.id}/events`)
      .set('Authorization', await auth(COORD_HEEK))
      .set('Idempotency-Key', appointment().idempotencyKey!)
      .send(toBody(step.event));
    expect(replay.headers['idempotent-replayed']).toBe('true');
    collect(replay);

    for (const text of answers) {
      expect(text).not.toContain(NAME);
      expect(text).not.toContain(EMAIL);
    }
    // The contact reads as a tombstone; signatures keep their signer's token subject, not the name.
    const coop = (await yard.get(AUDITOR)).body;
    expect(coop.context.contacts[COORD_HEEK.municipality!]).toMatchObject({ erased: true, personRef });
    expect(coop.context.contacts[COORD_HEEK.municipality!]).not.toHaveProperty('email');
    // Other people are untouched.
    expect(JSON.stringify(coop)).toContain(OTHER_NAME);
    // Nothing stored anywhere still holds it (the database, not just the answers).
    for (const [table, column] of [
      ['cooperations', 'state'],
      ['cooperation_history', 'payload'],
      ['idempotency_keys', 'response_body'],
      ['personal_data', 'fields'],
    ]) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column}::text LIKE '%' || $1 || '%' OR ${column}::text LIKE '%' || $2 || '%'`,
        [NAME, EMAIL],
      );
      expect({ table, n }).toEqual({ table, n: 0 });
    }
    // The chain is untouched: same head, still valid.
    const verify = (await yard.get(AUDITOR, '/history/verify')).body;
    expect(verify).toEqual(headBefore);
    expect(verify.valid).toBe(true);
    const all = await t.http.get('/api/v1/audit/verify').set('Authorization', await auth(AUDITOR));
    expect(all.body.valid).toBe(true);
  });

  it('a second erasure is 409 naming the first; the erased cooperation still works', async () => {
    const again = await t.http
      .post(`/api/v1/personal-data/${personRef}/erasure`)
      .set('Authorization', await auth(ADMIN))
      .send({ reason: 'nochmal' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/already-erased');
    expect(again.body.erasure.reason).toBe('Antrag nach Art. 17 DSGVO vom 02.03.2027');
    const next = await yard.get(COORD_HEEK, '/next');
    expect(next.status).toBe(200);
  });
});
