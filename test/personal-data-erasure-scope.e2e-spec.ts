import { randomUUID } from 'node:crypto';
import type { Actor } from '../src/cooperations/domain';
import { COORD_HEEK, COORD_LEGDEN, HEEK, LEGDEN } from './fixtures/building-yard.scenario';
import { BuildingYard, stepNamed } from './support/building-yard';
import { ADMIN, AUDITOR, createTestApp, type TestApp } from './support/test-app';

/*
 * Erasure touches exactly the person (docs/personal-data.md § Erasure): their own fields, found by
 * path, in every record of theirs — never an equal string elsewhere, never a token subject.
 */

const appointment = (name: string, email: string, userSub: string) => ({
  type: 'APPOINT_CONTACT',
  name,
  email,
  position: 'Fachbereichsleitung',
  userSub,
  authority: { conferredBy: 'Bürgermeister', conferredOn: '2026-01-21', scope: 'Absichtserklärung' },
});

describe('erasure rewrites only the person, by path', () => {
  let t: TestApp;
  let yard: BuildingYard;
  const erase = async (personRef: string) =>
    t.http
      .post(`/api/v1/personal-data/${personRef}/erasure`)
      .set('Authorization', `Bearer ${await yard.token(ADMIN)}`)
      .send({ reason: 'Art. 17 DSGVO' });

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil('start-letter-of-intent');
  });
  afterAll(() => t.close());

  it('a contact named like a state, a status or a municipality, whose e-mail is their sub, stays erasable', async () => {
    // The identity provider uses the e-mail as `sub`; the names are words the snapshot uses elsewhere.
    const anna: Actor = { sub: 'a.bruening@heek.de', role: 'coordinator', municipality: HEEK.ags };
    const legden: Actor = { ...COORD_LEGDEN };
    const keyHeek = randomUUID();
    const keyLegden = randomUUID();
    const heek = await yard.send(anna, appointment('partnerSearch', anna.sub, anna.sub), {
      'Idempotency-Key': keyHeek,
    });
    expect(heek.status).toBe(200);
    const other = await yard.send(legden, appointment('active', 'legden@example.org', legden.sub), {
      'Idempotency-Key': keyLegden,
    });
    expect(other.status).toBe(200);
    const namedLikeMunicipality = await yard.send(
      COORD_LEGDEN,
      appointment('Heek', 'legden@example.org', COORD_LEGDEN.sub),
      { 'Idempotency-Key': randomUUID() },
    );
    expect(namedLikeMunicipality.status).toBe(200);
    const before = (await yard.get(AUDITOR)).body;
    const refHeek = before.context.contacts[HEEK.ags].personRef as string;
    const refLegden = before.context.contacts[LEGDEN.ags].personRef as string;

    expect((await erase(refHeek)).status).toBe(200);
    expect((await erase(refLegden)).status).toBe(200);

    const after = await yard.get(AUDITOR);
    expect(after.status).toBe(200);
    expect(after.body.state).toBe('partnerSearch');
    expect(after.body.members).toEqual(before.members);
    expect(after.body.context.members).toEqual(before.context.members);
    expect(after.body.context.lead).toBe(HEEK.ags);
    expect(after.body.context.contacts[HEEK.ags]).toMatchObject({
      name: '[gelöscht]',
      erased: true,
      userSub: anna.sub,
    });
    expect(after.body.context.contacts[HEEK.ags]).not.toHaveProperty('email');
    expect(after.body.context.contacts[HEEK.ags].appointedBy).toBe(anna.sub);
    expect(after.body.context.contacts[LEGDEN.ags]).toMatchObject({ name: '[gelöscht]', userSub: COORD_LEGDEN.sub });
    // Only the contact's own fields changed.
    const strip = (c: Record<string, unknown>) => {
      const { name: _n, email: _e, erased: _x, ...rest } = c;
      return rest;
    };
    for (const ags of [HEEK.ags, LEGDEN.ags]) {
      expect(strip(after.body.context.contacts[ags])).toEqual(strip(before.context.contacts[ags]));
    }
    // Stored answers keep their token subjects: a replay still names the actor and the userSub.
    const replay = await yard.send(anna, appointment('partnerSearch', anna.sub, anna.sub), {
      'Idempotency-Key': keyHeek,
    });
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.entry.actor.sub).toBe(anna.sub);
    expect(replay.body.entry.payload.userSub).toBe(anna.sub);
    expect(replay.body.cooperation.state).toBe('partnerSearch');
    expect(replay.body.cooperation.members.map((m: { status: string }) => m.status)).toEqual([
      'active',
      'active',
      'active',
    ]);
    expect(replay.body.cooperation.context.contacts[HEEK.ags]).toMatchObject({ name: '[gelöscht]', userSub: anna.sub });

    // The cooperation goes on, and the erased contact still signs with their sub.
    yard.at(new Date('2026-02-02T08:00:00Z'));
    expect((await yard.send(COORD_HEEK, { type: 'START_LETTER_OF_INTENT' })).status).toBe(200);
    yard.at(new Date('2026-02-16T08:00:00Z'));
    expect((await yard.send(COORD_HEEK, stepNamed('draft-loi').event)).status).toBe(200);
    const signed = await yard.send(anna, { type: 'SIGN_LOI', version: 1 });
    expect(signed.status).toBe(200);
    expect(signed.body.cooperation.context.loi.signatures[0]).toMatchObject({
      signedBy: anna.sub,
      signatoryName: '[gelöscht]',
    });
  });
});

describe('erasure covers every record of the person, and no table keeps them', () => {
  let t: TestApp;
  let yard: BuildingYard;
  const NAME = 'Anna Brüning';
  const OLD_EMAIL = 'coord-heek@example.org';
  const NEW_EMAIL = 'anna.bruening@heek.de';

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil('sign-loi-heek');
  });
  afterAll(() => t.close());

  /** Every column of every table of the test's schema, read as text, that contains `needle`. */
  async function occurrences(needle: string): Promise<string[]> {
    const columns = await t.dataSource.query<Array<{ table_name: string; column_name: string }>>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0`,
        [needle],
      );
      if (n > 0) found.push(`${table}.${column}`);
    }
    return found;
  }

  it('erasing the current appointment erases the earlier ones, and the sweep finds nothing', async () => {
    // Heek's contact signed the LOI as herself, then was appointed again with a new e-mail address.
    yard.at(new Date('2026-02-20T08:00:00Z'));
    expect((await yard.step(stepNamed('sign-loi-heek'))).status).toBe(200);
    const first = (await yard.get(AUDITOR)).body.context.contacts[HEEK.ags].personRef as string;
    const again = await yard.send(COORD_HEEK, appointment(NAME, NEW_EMAIL, COORD_HEEK.sub), {
      'Idempotency-Key': randomUUID(),
    });
    expect(again.status).toBe(200);
    const current = again.body.cooperation.context.contacts[HEEK.ags].personRef as string;
    expect(current).not.toBe(first);
    for (const needle of [NAME, OLD_EMAIL, NEW_EMAIL]) expect(await occurrences(needle)).not.toEqual([]);

    const erased = await t.http
      .post(`/api/v1/personal-data/${current}/erasure`)
      .set('Authorization', `Bearer ${await yard.token(ADMIN)}`)
      .send({ reason: 'Art. 17 DSGVO' });
    expect(erased.status).toBe(200);

    // The earlier record is the same person's: erased with the same record of who, when, why.
    const earlier = await t.http
      .get(`/api/v1/personal-data/${first}`)
      .set('Authorization', `Bearer ${await yard.token(ADMIN)}`);
    expect(earlier.body).toMatchObject({
      fields: { erased: true },
      erasure: { by: { sub: ADMIN.sub }, reason: 'Art. 17 DSGVO' },
    });
    for (const needle of [NAME, OLD_EMAIL, NEW_EMAIL]) {
      expect({ needle, at: await occurrences(needle) }).toEqual({ needle, at: [] });
    }
    // Other people, and the token subjects, are untouched.
    expect(await occurrences('Thomas Wewers')).not.toEqual([]);
    const coop = (await yard.get(AUDITOR)).body;
    expect(coop.context.loi.signatures[0]).toMatchObject({ signedBy: COORD_HEEK.sub, signatoryName: '[gelöscht]' });
    expect(coop.context.contacts[LEGDEN.ags].name).toBe('Thomas Wewers');
    expect((await yard.get(AUDITOR, '/history/verify')).body.valid).toBe(true);
  });
});
