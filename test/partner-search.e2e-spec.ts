import type { Actor } from '../src/cooperations/domain';
import {
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  LEGDEN,
  OPENING,
  SCHOEPPINGEN,
} from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { AUDITOR, createTestApp, type TestApp } from './support/test-app';

/** Coordinators of municipalities outside the building yard: Ahaus (Kreis Borken), Bonn (Köln). */
const COORD_AHAUS: Actor = { sub: 'coord-ahaus', role: 'coordinator', municipality: '05554004' };
const COORD_BONN: Actor = { sub: 'coord-bonn', role: 'coordinator', municipality: '05314000' };

const PUBLISH = {
  type: 'PUBLISH_PARTNER_SEARCH',
  lookingFor: 'Nachbargemeinden, die den Bauhof mit uns betreiben: Straßenunterhaltung und Winterdienst',
  districts: ['Kreis Borken'],
  regions: ['Münster'],
  openUntil: '2026-03-31',
};

/**
 * Issue 17, partner search [P3]: the lead publishes a search, municipalities outside the
 * cooperation find it without seeing the cooperation, two express interest, the lead invites one
 * of them with the existing INVITE_PARTNER and closes the search; every step is in the history.
 */
describe('partner search: published, answered by two municipalities, one invited, closed', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.open();
  });
  afterAll(() => t.close());

  const list = async (actor: Actor, query: object = {}) =>
    t.http
      .get('/api/v1/partner-searches')
      .query(query)
      .set('Authorization', `Bearer ${await yard.token(actor)}`);
  const interest = async (actor: Actor, message: string, id = yard.id, headers: Record<string, string> = {}) =>
    t.http
      .post(`/api/v1/partner-searches/${id}/interests`)
      .set('Authorization', `Bearer ${await yard.token(actor)}`)
      .set(headers)
      .send({ message });
  const listed = async (actor: Actor, query: object = {}) =>
    ((await list(actor, query)).body.items as Array<{ cooperationId: string }>).some(
      (i) => i.cooperationId === yard.id,
    );

  it('an unpublished search is neither listed nor open to interest', async () => {
    expect(await listed(COORD_AHAUS)).toBe(false);
    const res = await interest(COORD_LEGDEN, 'Wir sind interessiert.');
    expect(res.status).toBe(404);
    expect(res.body.type).toMatch(/cooperation-not-found$/);
  });

  it('the lead publishes; others list it ranked by their Kreis and filter it, without seeing the cooperation', async () => {
    yard.at(new Date('2026-01-12T08:30:00Z'));
    const res = await yard.send(COORD_HEEK, PUBLISH);
    expect(res.status).toBe(200);
    expect(res.body.cooperation.context.partnerSearch).toMatchObject({ status: 'open', openUntil: '2026-03-31' });

    const ahaus = await list(COORD_AHAUS);
    expect(ahaus.status).toBe(200);
    expect(ahaus.body.items).toEqual([
      expect.objectContaining({
        cooperationId: yard.id,
        title: OPENING.input.title,
        lookingFor: PUBLISH.lookingFor,
        districts: ['Kreis Borken'],
        lead: expect.objectContaining({ ags: '05554024', name: 'Heek', district: 'Kreis Borken' }),
        nearness: 'district',
        own: false,
      }),
    ]);
    // Bonn lies in neither the Kreis nor the Regierungsbezirk: listed, ranked "elsewhere".
    expect((await list(COORD_BONN)).body.items[0]).toMatchObject({ cooperationId: yard.id, nearness: 'elsewhere' });
    expect(await listed(COORD_AHAUS, { region: 'Münster', q: 'winterdienst', fieldOfWork: 'bauhof' })).toBe(true);
    expect(await listed(COORD_AHAUS, { region: 'Köln' })).toBe(false);
    expect(await listed(COORD_AHAUS, { district: 'Kreis Coesfeld' })).toBe(false);
    expect((await list(COORD_AHAUS, { region: 'Mordor' })).status).toBe(400);
    // The listing is all an outsider sees.
    expect((await yard.get(COORD_AHAUS)).status).toBe(404);
    expect((await yard.get(COORD_AHAUS, '/history')).status).toBe(404);
  });

  it('two municipalities express interest; a member and a second try are refused', async () => {
    yard.at(new Date('2026-01-12T08:40:00Z'));
    const legden = await interest(COORD_LEGDEN, 'Legden möchte den Bauhof mitbetreiben.', yard.id, {
      'Idempotency-Key': '1b6c1c2e-8a7e-4c36-9b0e-2f1f7d5b7a01',
    });
    expect(legden.status).toBe(201);
    expect(legden.body).toEqual({
      searchId: yard.id,
      municipality: LEGDEN,
      message: 'Legden möchte den Bauhof mitbetreiben.',
      at: '2026-01-12T08:40:00.000Z',
      by: COORD_LEGDEN.sub,
    });
    // The answer names the interest only, never the cooperation's snapshot.
    expect(JSON.stringify(legden.body)).not.toContain('context');
    const replay = await interest(COORD_LEGDEN, 'Legden möchte den Bauhof mitbetreiben.', yard.id, {
      'Idempotency-Key': '1b6c1c2e-8a7e-4c36-9b0e-2f1f7d5b7a01',
    });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(legden.body);

    yard.at(new Date('2026-01-12T08:45:00Z'));
    expect((await interest(COORD_SCHOEPPINGEN, 'Schöppingen ist interessiert.')).status).toBe(201);
    const again = await interest(COORD_SCHOEPPINGEN, 'Noch einmal.');
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([expect.objectContaining({ path: 'municipality' })]);
    expect((await interest(COORD_HEEK, 'Die Federführung selbst.')).status).toBe(403);
    expect((await interest(COORD_AHAUS, '   ')).status).toBe(400);
    // Only through its own route: over …/events the outsider's event is no event type.
    expect((await yard.send(COORD_HEEK, { type: 'EXPRESS_INTEREST', message: 'x' })).status).toBe(400);
  });

  it('the lead sees the interests and invites one of them with INVITE_PARTNER, then closes the search', async () => {
    const lead = await yard.get(COORD_HEEK);
    expect(lead.body.context.partnerSearch.interests).toEqual([
      expect.objectContaining({ municipality: LEGDEN, by: COORD_LEGDEN.sub }),
      expect.objectContaining({ municipality: SCHOEPPINGEN, by: COORD_SCHOEPPINGEN.sub }),
    ]);
    const next = await yard.get(COORD_HEEK, '/next');
    expect(next.body.events.map((e: { type: string }) => e.type)).not.toContain('EXPRESS_INTEREST');

    yard.at(new Date('2026-01-12T09:00:00Z'));
    const invited = await yard.send(COORD_HEEK, { type: 'INVITE_PARTNER', municipality: LEGDEN.ags });
    expect(invited.status).toBe(200);
    expect(invited.body.cooperation.context.members[LEGDEN.ags]).toMatchObject({ status: 'invited' });
    // Invited, Legden now sees the cooperation it answered.
    expect((await yard.get(COORD_LEGDEN)).status).toBe(200);

    yard.at(new Date('2026-01-12T09:10:00Z'));
    const closed = await yard.send(COORD_HEEK, { type: 'CLOSE_PARTNER_SEARCH', reason: 'Partner gefunden' });
    expect(closed.status).toBe(200);
    expect(closed.body.cooperation.context.partnerSearch).toMatchObject({
      status: 'closed',
      closeReason: 'Partner gefunden',
    });
    expect(await listed(COORD_AHAUS)).toBe(false);
    expect((await interest(COORD_AHAUS, 'Zu spät.')).status).toBe(404);
    expect((await yard.send(COORD_HEEK, { type: 'CLOSE_PARTNER_SEARCH' })).status).toBe(422);
  });

  it('all of it is in the hash-chained history, interests with their outside senders', async () => {
    const history = await yard.get(AUDITOR, '/history', { query: { limit: 50 } });
    const entries = history.body.items as Array<{ eventType: string; actor: { municipality: string } }>;
    expect(entries.map((e) => [e.eventType, e.actor.municipality])).toEqual([
      ['OPEN_COOPERATION', '05554024'],
      ['PUBLISH_PARTNER_SEARCH', '05554024'],
      ['EXPRESS_INTEREST', LEGDEN.ags],
      ['EXPRESS_INTEREST', SCHOEPPINGEN.ags],
      ['INVITE_PARTNER', '05554024'],
      ['CLOSE_PARTNER_SEARCH', '05554024'],
    ]);
    expect((await yard.get(AUDITOR, '/history/verify')).body).toMatchObject({ valid: true, entries: 6 });
  });

  it('an expired search disappears by itself and cannot be published for a past day', async () => {
    yard.at(new Date('2026-01-13T08:00:00Z'));
    const res = await yard.send(COORD_HEEK, { ...PUBLISH, openUntil: '2026-01-13' });
    expect(res.status).toBe(200);
    expect(await listed(COORD_AHAUS)).toBe(true);
    yard.at(new Date('2026-01-14T08:00:00Z'));
    expect(await listed(COORD_AHAUS)).toBe(false);
    expect((await interest(COORD_AHAUS, 'Abgelaufen?')).status).toBe(404);
    const past = await yard.send(COORD_HEEK, { ...PUBLISH, openUntil: '2026-01-13' });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: 'openUntil' })]);
  });
});
