import type { Actor } from '../src/cooperations/domain';
import { TimerScheduler } from '../src/cooperations';
import {
  CONTRACT_DRAFT,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
  LEGDEN,
  SCHOEPPINGEN,
} from './fixtures/building-yard.scenario';
import { BOARD_HEEK } from './fixtures/operation-phase.scenario';
import { BuildingYard } from './support/building-yard';
import { createTestApp, type TestApp } from './support/test-app';

const KREIS_BORKEN = '05554000';
const COORD_KREIS: Actor = { sub: 'coord-kreis-borken', role: 'coordinator', municipality: KREIS_BORKEN };

/**
 * Issue 13 over HTTP: the building yard (an öffentlich-rechtliche Vereinbarung of three Gemeinden
 * in Kreis Borken, task body Heek) is active. Legden's contact changes; the Kreis Borken joins by an
 * amendment that also fixes the term — which moves supervision from the Landrat to the
 * Bezirksregierung Münster (§ 29 Abs. 4 S. 2 Nr. 1 GkG NRW); the term then runs out.
 */
describe('legal procedures while active (§§ 24, 29 GkG NRW, § 60 GO NRW)', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil();
  });
  afterAll(() => t.close());

  const at = (iso: string) => yard.at(new Date(iso));
  const resolution = (body: string, date: string) => ({
    type: 'RECORD_COUNCIL_RESOLUTION',
    version: 2,
    body,
    date,
    reference: `Vorlage ${date}`,
  });

  it('shows the competent authority before anyone records one (§ 29 Abs. 4 S. 2 GkG NRW)', async () => {
    const next = await yard.get(COORD_HEEK, '/next');
    expect(next.status).toBe(200);
    expect(next.body.competentAuthority).toMatchObject({
      procedure: 'conclusion',
      status: 'determined',
      designationRequired: false,
      authority: { id: 'landrat:05554', names: { de: 'Landrätin oder Landrat des Kreises Borken' } },
      rule: { id: 'GKG-29-4-S2-OERV', citation: '§ 29 Abs. 4 S. 2 GkG NRW' },
    });
  });

  it('replaces a contact while active, with the new contact’s authority, as a history entry', async () => {
    at('2026-09-01T08:00:00Z');
    const res = await yard.send(COORD_LEGDEN, {
      type: 'APPOINT_CONTACT',
      name: 'Jana Wessels',
      position: 'Fachbereichsleiterin Bauen',
      userSub: 'coord-legden',
      authority: {
        conferredBy: 'Bürgermeister der Gemeinde Legden (nach der Kommunalwahl)',
        conferredOn: '2026-08-31',
        scope: 'Vertretung der Gemeinde im Lenkungsausschuss und in Änderungsverfahren',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.entry.eventType).toBe('APPOINT_CONTACT');
    expect(res.body.cooperation.context.contacts[LEGDEN.ags]).toMatchObject({
      name: 'Jana Wessels',
      authority: { conferredOn: '2026-08-31' },
    });
  });

  it('a Kreis joins: the competent authority changes to the Bezirksregierung (§ 29 Abs. 4 S. 2 Nr. 1 GkG NRW)', async () => {
    at('2026-10-01T08:00:00Z');
    const { type: _type, ...text } = CONTRACT_DRAFT;
    const proposed = await yard.send(COORD_HEEK, {
      type: 'PROPOSE_AMENDMENT',
      reason: 'Beitritt des Kreises Borken für die Kreisstraßen; Laufzeit bis Ende 2027',
      joining: [KREIS_BORKEN],
      ...text,
      tasks: [...text.tasks, 'Winterdienst auf den Kreisstraßen im Gebiet der Beteiligten'],
      term: { start: '2027-01-01', end: '2027-12-31' },
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.cooperation.context.contract.pendingAmendment).toMatchObject({ version: 2 });
    // The joining Kreis sees the cooperation and the authority its joining makes competent.
    const next = await yard.get(COORD_KREIS, '/next');
    expect(next.status).toBe(200);
    expect(next.body.competentAuthority).toMatchObject({
      procedure: 'amendment',
      status: 'determined',
      authority: { id: 'bezirksregierung:muenster' },
      basis: '§ 29 Abs. 4 S. 2 GkG NRW Nr. 1',
    });
  });

  it('resolutions by Rat, Kreistag or Hauptausschuss (§ 60 Abs. 1 GO NRW); a Kreis has no Rat', async () => {
    at('2026-10-15T08:00:00Z');
    expect((await yard.send(COORD_HEEK, resolution('Rat', '2026-10-14'))).status).toBe(200);
    expect((await yard.send(COORD_LEGDEN, resolution('Rat', '2026-10-14'))).status).toBe(200);
    expect((await yard.send(COORD_SCHOEPPINGEN, resolution('Hauptausschuss', '2026-10-13'))).status).toBe(200);
    const wrongBody = await yard.send(COORD_KREIS, resolution('Rat', '2026-10-14'));
    expect(wrongBody.status).toBe(422);
    expect(wrongBody.body.errors).toEqual([
      { path: 'body', messages: [`Gremium muss der Kreistag von ${KREIS_BORKEN} sein.`] },
    ]);
    expect((await yard.send(COORD_KREIS, resolution('Kreistag', '2026-10-14'))).status).toBe(200);
  });

  it('the amendment goes through: approval by the new authority, deemed after four weeks, published, in force', async () => {
    at('2026-11-23T08:00:00Z');
    const step = {
      type: 'RECORD_SUPERVISORY_STEP',
      kind: 'approval',
      authority: 'Landrat des Kreises Borken',
      submittedOn: '2026-10-20',
      deemedApproval: true,
      publishedOn: '2026-11-20',
      gazetteReference: 'Amtsblatt für den Regierungsbezirk Münster 2026 S. 512',
    };
    const unsigned = await yard.send(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' });
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.obligations).toContainEqual(
      expect.objectContaining({
        id: 'OBL-AMENDMENT-SIGNED-ALL',
        nature: expect.objectContaining({ kind: 'conditional' }),
      }),
    );
    // § 24 Abs. 1 S. 1 GkG NRW: every party, the joining Kreis included, signs the amended agreement.
    for (const actor of [COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN, COORD_KREIS]) {
      expect((await yard.send(actor, { type: 'SIGN_AMENDMENT', version: 2 })).status).toBe(200);
    }
    expect((await yard.send(COORD_HEEK, step)).status).toBe(200);
    const tooSoon = await yard.send(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.obligations).toMatchObject([
      { id: 'OBL-AMENDMENT-SUPERVISORY-STEP', missing: ['supervisoryStep.authority:Bezirksregierung Münster'] },
    ]);
    expect((await yard.send(COORD_HEEK, { ...step, authority: 'bezirksregierung:muenster' })).status).toBe(200);
    const inForce = await yard.send(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' });
    expect(inForce.status).toBe(200);
    const ctx = inForce.body.cooperation.context;
    // § 24 Abs. 4 GkG NRW: effective the day after publication.
    expect(ctx.contract.amendments).toEqual([
      expect.objectContaining({ contractVersion: 2, inForceOn: '2026-11-21', joined: [KREIS_BORKEN] }),
    ]);
    expect(ctx.contract.versions).toHaveLength(2);
    expect(ctx.members[KREIS_BORKEN]).toMatchObject({ status: 'active', role: 'partner' });
    expect(Object.keys(ctx.timers)).toContain('term-end');
    const view = await yard.get(COORD_HEEK);
    expect(view.body.competentAuthority).toMatchObject({
      procedure: 'conclusion',
      authority: { id: 'bezirksregierung:muenster' },
    });
    expect(view.body.members.map((m: { ags: string }) => m.ags)).toEqual(
      [HEEK.ags, LEGDEN.ags, SCHOEPPINGEN.ags, KREIS_BORKEN].sort(),
    );
  });

  it('the fixed term ends: a durable timer, a history entry, the steering board sees it', async () => {
    const scheduler = t.app.get(TimerScheduler);
    for (;;) {
      const [{ next }] = await t.dataSource.query<Array<{ next: Date | null }>>(
        `SELECT min(due_at) AS next FROM cooperation_timers WHERE cooperation_id = $1`,
        [yard.id],
      );
      if (!next || new Date(next) > new Date('2028-01-02T00:00:00Z')) break;
      yard.at(new Date(next));
      await scheduler.fireDueTimers();
    }
    const res = await yard.get(BOARD_HEEK);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('dissolving');
    expect(res.body.context.dissolution).toMatchObject({ reason: 'term-ended' });
    expect(res.body.context.boardNotices).toEqual([
      expect.objectContaining({ kind: 'term-ended', at: '2027-12-31T23:00:00.000Z' }),
    ]);
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM cooperation_history WHERE cooperation_id = $1 AND event_type = 'TERM_ENDED'`,
      [yard.id],
    );
    expect(n).toBe(1);
  });
});
