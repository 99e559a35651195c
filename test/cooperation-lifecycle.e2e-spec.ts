import { OBLIGATION_IDS, obligationNature, OBLIGATIONS } from '../src/cooperations/domain';
import {
  buildingYardPrematureEvents,
  buildingYardSteps,
  COORD_HEEK,
  COORD_LEGDEN,
  EXPECTED_AUTHORITY,
  HEEK,
  LEGDEN,
  SCHOEPPINGEN,
} from './fixtures/building-yard.scenario';
import { BuildingYard, stepNamed, toBody } from './support/building-yard';
import { createTestApp, type TestApp } from './support/test-app';

/** `active`, or its parallel regions (`active.reporting.onTrack,active.escalation.calm,…`). */
const IN_FORCE = /^active(\.|$)/;

/** Obligations that guard the phases this API takes a cooperation through (up to `active`). */
const PRE_ACTIVE_OBLIGATIONS = OBLIGATION_IDS.filter((id) =>
  ['partnerSearch', 'letterOfIntent', 'planning', 'contract'].includes(OBLIGATIONS[id].phase),
);

describe('the building yard of Heek, Legden and Schöppingen through the API', () => {
  let t: TestApp;
  let yard: BuildingYard;
  const refusedIds = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
  });
  afterAll(() => t.close());

  it('opens the cooperation with the caller as lead: 201, ETag, Location, history entry 1', async () => {
    await yard.open();
    const res = await yard.get(COORD_HEEK);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      id: yard.id,
      lead: HEEK.ags,
      state: 'partnerSearch',
      version: 1,
      members: [{ ags: HEEK.ags, name: 'Heek', role: 'lead', status: 'active' }],
    });
    const history = await yard.get(COORD_HEEK, '/history');
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({
      sequence: 1,
      eventType: 'OPEN_COOPERATION',
      stateBefore: null,
      stateAfter: 'partnerSearch',
      actor: { sub: COORD_HEEK.sub, role: 'coordinator', municipality: HEEK.ags },
      prevHash: '0'.repeat(64),
    });
  });

  it('shows the lead what it can do next, and why not (German by default, English on request)', async () => {
    const de = await yard.get(COORD_HEEK, '/next');
    expect(de.status).toBe(200);
    expect(de.body.state).toBe('partnerSearch');
    const byType = Object.fromEntries(de.body.events.map((e: { type: string }) => [e.type, e]));
    expect(byType.INVITE_PARTNER).toMatchObject({ type: 'INVITE_PARTNER', allowed: true, dependsOnPayload: true });
    expect(byType.START_LETTER_OF_INTENT).toMatchObject({ allowed: false, reason: 'obligations-unmet' });
    expect(byType.START_LETTER_OF_INTENT.obligations).toEqual([
      {
        id: 'OBL-PARTNERS-MIN',
        message: OBLIGATIONS['OBL-PARTNERS-MIN'].text.de,
        citation: OBLIGATIONS['OBL-PARTNERS-MIN'].citation,
        legalBasis: OBLIGATIONS['OBL-PARTNERS-MIN'].legalBasis,
        satisfiedBy: OBLIGATIONS['OBL-PARTNERS-MIN'].satisfiedBy.de,
        missing: ['acceptedPartner'],
        missingText: ['Kein Partner hat die Einladung angenommen'],
        nature: obligationNature('OBL-PARTNERS-MIN'),
      },
      expect.objectContaining({
        id: 'OBL-CONTACT-AUTHORITY',
        missing: [`contact:${HEEK.ags}`],
        missingText: [`Ansprechperson Heek (${HEEK.ags}) fehlt`],
      }),
    ]);
    // Only the invited municipality may accept: the lead is told why not.
    expect(byType.ACCEPT_INVITATION).toMatchObject({ allowed: false, reason: 'forbidden' });

    const en = await yard.get(COORD_HEEK, '/next', { headers: { 'Accept-Language': 'en' } });
    const start = en.body.events.find((e: { type: string }) => e.type === 'START_LETTER_OF_INTENT');
    expect(start.obligations[0].message).toBe(OBLIGATIONS['OBL-PARTNERS-MIN'].text.en);
    expect(start.obligations[0].satisfiedBy).toBe(OBLIGATIONS['OBL-PARTNERS-MIN'].satisfiedBy.en);
    expect(start.detail).toBe('Not all obligations for this transition are met.');
  });

  it('refuses every premature phase exit with exactly the unmet obligations, then lets it pass', async () => {
    const premature = buildingYardPrematureEvents();
    let sequence = 1;
    for (const step of buildingYardSteps()) {
      for (const p of premature.filter((x) => x.before === step.name)) {
        yard.at(step.at);
        const refused = await yard.send(p.actor, toBody(p.event), { 'If-Match': `"${yard.version}"` });
        expect({ step: step.name, status: refused.status }).toEqual({ step: step.name, status: 409 });
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body.type).toBe('/problems/obligations-unmet');
        expect(refused.body.detail).toBe('Nicht alle Voraussetzungen für diesen Übergang sind erfüllt.');
        expect(refused.body.obligations.map((o: { id: string }) => o.id)).toEqual(p.unmet);
        for (const o of refused.body.obligations) {
          expect(o.message).toBe(OBLIGATIONS[o.id as keyof typeof OBLIGATIONS].text.de);
          expect(o.citation).toBeTruthy();
          expect(o.satisfiedBy).toBeTruthy();
          expect(o.missing.length).toBeGreaterThan(0);
          refusedIds.add(o.id);
        }
        // A refusal writes nothing.
        expect((await yard.get(COORD_HEEK)).headers.etag).toBe(`"${yard.version}"`);
      }
      const res = await yard.step(step);
      expect({ step: step.name, status: res.status }).toEqual({ step: step.name, status: 200 });
      sequence += 1;
      expect(res.headers.etag).toBe(`"${yard.version}"`);
      expect(res.body.cooperation.state).toBe(step.stateAfter);
      expect(res.body.entry).toMatchObject({
        sequence,
        eventType: step.event.type,
        stateAfter: step.stateAfter,
        recordedAt: step.at.toISOString(),
        actor: { sub: step.actor.sub, role: 'coordinator', municipality: step.actor.municipality },
      });
    }
    expect(yard.version).toBe(sequence);
  });

  it('ends in force (active), approved by the Landrat des Kreises Borken', async () => {
    const res = await yard.get(COORD_LEGDEN);
    expect(res.body.state).toMatch(IN_FORCE);
    expect(res.body.members.map((m: { ags: string; status: string }) => [m.ags, m.status])).toEqual([
      [HEEK.ags, 'active'],
      [LEGDEN.ags, 'active'],
      [SCHOEPPINGEN.ags, 'active'],
    ]);
    expect(res.body.context.contract.supervisoryStep).toMatchObject({
      kind: 'approval',
      authority: EXPECTED_AUTHORITY,
    });
    // § 24 Abs. 4 GkG NRW: in force the day after the authority's publication (14 Aug → 15 Aug 2026),
    // not at the server time of PUT_INTO_FORCE.
    expect(res.body.context.contract.inForceOn).toBe('2026-08-15');
    expect(res.body.context.contract.inForceSince).toBe('2026-08-14T22:00:00.000Z');
    // § 29 Abs. 4 S. 2 GkG NRW: the Landrat of the task body's Kreis, shown with its basis.
    expect(res.body.competentAuthority).toMatchObject({
      status: 'determined',
      authority: { id: 'landrat:05554', names: { deMale: EXPECTED_AUTHORITY } },
      basis: '§ 29 Abs. 4 S. 2 GkG NRW Nr. 2',
    });
  });

  it('keeps a gap-free, valid hash chain that pages in sequence order', async () => {
    const seen: { sequence: number; prevHash: string; hash: string }[] = [];
    let cursor: string | undefined;
    do {
      const res = await yard.get(COORD_HEEK, '/history', { query: { limit: 7, ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.next ?? undefined;
    } while (cursor);
    const steps = buildingYardSteps().length;
    expect(seen.map((e) => e.sequence)).toEqual(Array.from({ length: steps + 1 }, (_, i) => i + 1));
    seen.slice(1).forEach((e, i) => expect(e.prevHash).toBe(seen[i].hash));

    const after = await yard.get(COORD_HEEK, '/history', { query: { after: steps - 1 } });
    expect(after.body.items.map((e: { sequence: number }) => e.sequence)).toEqual([steps, steps + 1]);

    const verify = await yard.get(COORD_HEEK, '/history/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({ valid: true, entries: steps + 1, headHash: seen[seen.length - 1].hash });
  });

  it('names every obligation of the catalog (up to entry into force) in some refusal', () => {
    expect([...refusedIds].sort()).toEqual([...PRE_ACTIVE_OBLIGATIONS].sort());
    expect(PRE_ACTIVE_OBLIGATIONS).toHaveLength(12);
  });

  it('answers refusals in English with Accept-Language: en', async () => {
    // In `active`, a phase exit of the partner search has no transition any more.
    const de = await yard.send(COORD_HEEK, { type: 'START_LETTER_OF_INTENT' });
    expect(de.status).toBe(409);
    expect(de.body.detail).toMatch(
      /^Das Ereignis START_LETTER_OF_INTENT ist im Zustand „active.*“ nicht vorgesehen\.$/,
    );
    const en = await yard.send(
      COORD_HEEK,
      { type: 'START_LETTER_OF_INTENT' },
      { 'Accept-Language': 'en-GB, en;q=0.9, de;q=0.5' },
    );
    expect(en.status).toBe(409);
    expect(en.body.type).toBe('/problems/event-not-allowed');
    expect(en.body.detail).toMatch(/^Event START_LETTER_OF_INTENT is not allowed in state 'active.*'\.$/);
  });
});

describe('a contract step sent to the wrong authority', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil('supervisory-step');
  });
  afterAll(() => t.close());

  it('keeps the contract from entering into force and names the Landrat des Kreises Borken', async () => {
    const step = stepNamed('supervisory-step');
    yard.at(step.at);
    const wrong = await yard.send(COORD_HEEK, { ...step.event, authority: 'Bezirksregierung Münster' });
    expect(wrong.status).toBe(200);
    const refused = await yard.send(COORD_HEEK, { type: 'PUT_INTO_FORCE' }, { 'Accept-Language': 'en' });
    expect(refused.status).toBe(409);
    expect(refused.body.obligations).toEqual([
      expect.objectContaining({
        id: 'OBL-SUPERVISORY-STEP',
        message: OBLIGATIONS['OBL-SUPERVISORY-STEP'].text.en,
        missing: [`supervisoryStep.authority:${EXPECTED_AUTHORITY}`],
        missingText: [`competent: ${EXPECTED_AUTHORITY}`],
      }),
    ]);
    expect((await yard.step(step)).status).toBe(200);
    expect((await yard.step(stepNamed('put-into-force'))).body.cooperation.state).toMatch(IN_FORCE);
  });
});
