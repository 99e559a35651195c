import type { Actor } from '../src/cooperations/domain';
import { COORD_HEEK, COORD_LEGDEN, HEEK, LEGDEN } from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { AUDITOR, createTestApp, type TestApp } from './support/test-app';

/*
 * A contact's token subject belongs to the appointing municipality: the coordinator's own, or
 * confirmed by that person signed in for it (CONFIRM_CONTACT_APPOINTMENT). Typing in another
 * municipality's coordinator blocks nobody.
 */

const appointment = (name: string, userSub: string) => ({
  type: 'APPOINT_CONTACT',
  name,
  position: 'Fachbereichsleitung',
  userSub,
  authority: { conferredBy: 'Bürgermeister', conferredOn: '2026-01-21', scope: 'Absichtserklärung' },
});

describe('contact appointments name the appointing municipality’s own people', () => {
  let t: TestApp;
  let yard: BuildingYard;
  const COLLEAGUE: Actor = { sub: 'coord-legden-2', role: 'coordinator', municipality: LEGDEN.ags };

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil('appoint-contact-heek');
  });
  afterAll(() => t.close());

  it('a partner naming another municipality’s coordinator does not block that municipality', async () => {
    const hostile = await yard.send(COORD_LEGDEN, appointment('Anna Brüning', COORD_HEEK.sub));
    expect(hostile.status).toBe(200);
    expect(hostile.body.cooperation.context.contacts[LEGDEN.ags]).toBeUndefined();
    expect(hostile.body.cooperation.context.pendingContacts[LEGDEN.ags]).toMatchObject({ userSub: COORD_HEEK.sub });
    // Heek appoints its own coordinator all the same.
    const own = await yard.send(COORD_HEEK, appointment('Anna Brüning', COORD_HEEK.sub));
    expect(own.status).toBe(200);
    expect(own.body.cooperation.context.contacts[HEEK.ags]).toMatchObject({ userSub: COORD_HEEK.sub });
    // …and cannot be made Legden's contact with a Heek token.
    const confirm = await yard.send(COORD_HEEK, { type: 'CONFIRM_CONTACT_APPOINTMENT' });
    expect(confirm.status).toBe(403);
    expect(confirm.body.detail).toMatch(/^Keine Benennung wartet auf Ihre Bestätigung/);
    const english = await t.http
      .post(`/api/v1/cooperations/${yard.id}/events`)
      .set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`)
      .set('Accept-Language', 'en')
      .send({ type: 'CONFIRM_CONTACT_APPOINTMENT' });
    expect(english.status).toBe(403);
    expect(english.body.detail).toMatch(/^No appointment awaits your confirmation/);
  });

  it('a colleague named by another coordinator counts once they confirm it for that municipality', async () => {
    const named = await yard.send(COORD_LEGDEN, appointment('Thomas Wewers', COLLEAGUE.sub));
    expect(named.status).toBe(200);
    // The pending appointment counts for nothing yet: no contact, the phase cannot end.
    expect((await yard.get(AUDITOR)).body.context.contacts[LEGDEN.ags]).toBeUndefined();
    const confirmed = await yard.send(COLLEAGUE, { type: 'CONFIRM_CONTACT_APPOINTMENT' });
    expect(confirmed.status).toBe(200);
    const contact = confirmed.body.cooperation.context.contacts[LEGDEN.ags];
    expect(contact).toMatchObject({
      name: 'Thomas Wewers',
      userSub: COLLEAGUE.sub,
      appointedBy: COORD_LEGDEN.sub,
      confirmedAt: expect.any(String),
      personRef: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(confirmed.body.cooperation.context.pendingContacts[LEGDEN.ags]).toBeUndefined();
    // Nothing left to confirm.
    expect((await yard.send(COLLEAGUE, { type: 'CONFIRM_CONTACT_APPOINTMENT' })).status).toBe(403);
  });
});
