import { COORD_HEEK, COORD_LEGDEN, EXPECTED_AUTHORITY, LEGDEN, LOI_DRAFT } from './fixtures/building-yard.scenario';
import { EVENT_EXAMPLES } from '../src/cooperations/http/dto/event-examples';
import { BuildingYard, stepNamed } from './support/building-yard';
import { createTestApp, type TestApp } from './support/test-app';

interface NextEvent {
  type: string;
  allowed: boolean;
  ready: boolean;
  dependsOnPayload: boolean;
  template: Record<string, unknown>;
  hints: string[];
  schema?: string;
  obligations?: Array<{ id: string; missing: string[]; missingText: string[] }>;
}

/**
 * Issue 15, points 2, 4 and 5: "what next" says what would pass and what to send, accepted answers
 * warn about records that will not satisfy a later obligation, and answers a client can use.
 */
describe('GET …/next answers what would pass; accepted events warn; answers a client can use', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const nextOf = async (yard: BuildingYard, actor = COORD_HEEK, lang = 'de') => {
    const res = await yard.get(actor, '/next', { headers: { 'Accept-Language': lang } });
    expect(res.status).toBe(200);
    return res.body as { stateValue: unknown; events: NextEvent[] };
  };
  const eventOf = (next: { events: NextEvent[] }, type: string) => next.events.find((e) => e.type === type)!;

  it('a signature: ready with the current version filled in, and its template is accepted as it is', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('sign-loi-legden');
    const sign = eventOf(await nextOf(yard, COORD_LEGDEN), 'SIGN_LOI');
    expect(sign).toMatchObject({ allowed: true, ready: true, dependsOnPayload: false });
    expect(sign.template).toEqual({ type: 'SIGN_LOI', version: 1 });
    expect(sign.schema).toBe('/docs-json#/components/schemas/SignLoiEvent');
    const schemas = (await t.http.get('/docs-json')).body.components.schemas as Record<string, unknown>;
    expect(schemas.SignLoiEvent).toBeDefined();

    const adopt = eventOf(await nextOf(yard), 'ADOPT_LOI');
    expect(adopt).toMatchObject({ allowed: false, ready: false });
    const signed = adopt.obligations!.find((o) => o.id === 'OBL-LOI-SIGNED-ALL')!;
    expect(signed.missing).toContain(`signature:${LEGDEN.ags}`);
    expect(signed.missingText).toContain('Unterschrift Legden (05554036) fehlt');
    const english = eventOf(await nextOf(yard, COORD_HEEK, 'en'), 'ADOPT_LOI');
    expect(english.obligations!.flatMap((o) => o.missingText)).toContain('Signature of Legden (05554036) missing');

    expect((await yard.send(COORD_LEGDEN, sign.template)).status).toBe(200);
  });

  it('a draft depends on its payload: the template leaves the text to write, and says so', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('draft-loi');
    const draft = eventOf(await nextOf(yard), 'DRAFT_LOI');
    expect(draft).toMatchObject({
      allowed: true,
      dependsOnPayload: true,
      template: { type: 'DRAFT_LOI', expectations: '' },
    });
  });

  it('the supervisory step: the derived authority and today pre-filled, "zuständig: …"; in force "frühestens am …"', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('supervisory-step');
    const step = eventOf(await nextOf(yard), 'RECORD_SUPERVISORY_STEP');
    expect(step.template).toMatchObject({ kind: 'approval', authority: EXPECTED_AUTHORITY });
    expect(step.hints).toContain(`zuständig: ${EXPECTED_AUTHORITY}`);
    expect(eventOf(await nextOf(yard, COORD_HEEK, 'en'), 'RECORD_SUPERVISORY_STEP').hints).toContain(
      `competent: ${EXPECTED_AUTHORITY}`,
    );

    const supervisory = stepNamed('supervisory-step');
    expect((await yard.step(supervisory)).status).toBe(200);
    const force = eventOf(await nextOf(yard), 'PUT_INTO_FORCE');
    expect(force).toMatchObject({ allowed: true, ready: true, template: { type: 'PUT_INTO_FORCE' } });
    expect(force.hints).toEqual(
      expect.arrayContaining([expect.stringMatching(/^frühestens am \d{4}-\d{2}-\d{2} in Kraft$/)]),
    );
  });

  it('an authority other than the derived one is accepted with a warning naming OBL-SUPERVISORY-STEP', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('supervisory-step');
    const supervisory = stepNamed('supervisory-step');
    const wrong = { ...supervisory.event, authority: 'Bezirksregierung Münster' };
    yard.at(supervisory.at);
    const res = await yard.send(COORD_HEEK, wrong, { 'Accept-Language': 'en' });
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        id: 'OBL-SUPERVISORY-STEP',
        missingText: [`competent: ${EXPECTED_AUTHORITY}`],
        detail: expect.stringMatching(/^Accepted – but this way the obligation will not be met later:/),
      }),
    ]);
  });

  it('signing an incomplete draft is accepted with a warning naming the content obligation (German)', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('draft-loi');
    expect((await yard.send(COORD_HEEK, { ...LOI_DRAFT, successCriteria: [] })).status).toBe(200);
    const res = await yard.send(COORD_HEEK, { type: 'SIGN_LOI', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.warnings.map((w: { id: string }) => w.id)).toEqual(['OBL-SUCCESS-CRITERIA']);
    expect(res.body.warnings[0].detail).toMatch(/^Angenommen – aber so wird diese Pflicht später nicht erfüllt:/);
    // A complete draft signed: no warnings.
    const clean = new BuildingYard(t);
    await clean.runUntil('sign-loi-heek');
    const ok = await clean.send(COORD_HEEK, { type: 'SIGN_LOI', version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.warnings).toBeUndefined();
  });

  it('RAISE_CONFLICT answers the new case id and its Location; the active state is also a structure', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil();
    expect((await nextOf(yard)).stateValue).toEqual({
      active: { reporting: 'onTrack', escalation: 'calm', membership: 'stable' },
    });
    const res = await yard.send(COORD_LEGDEN, EVENT_EXAMPLES.RAISE_CONFLICT.value);
    expect(res.status).toBe(200);
    expect(res.body.escalationCase).toEqual({ id: expect.any(String), number: 1 });
    expect(res.headers.location).toBe(`/api/v1/escalations/${res.body.escalationCase.id}`);
    expect(res.body.cooperation.stateValue).toMatchObject({ active: { escalation: 'casesOpen' } });
    const token = await yard.token(COORD_LEGDEN);
    const read = await t.http.get(res.headers.location).set('Authorization', `Bearer ${token}`);
    expect(read.status).toBe(200);
    expect(read.body.caseId).toBe(res.body.escalationCase.id);
  });

  it('a list filter with an unknown value is 400 naming the valid values', async () => {
    const token = await t.token({ sub: 'coord-heek', role: 'coordinator', municipality: COORD_HEEK.municipality });
    const res = await t.http.get('/api/v1/cooperations?state=aktiv').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(400);
    const messages = (res.body.errors as Array<{ path: string; messages: string[] }>).find((e) => e.path === 'state')!;
    expect(messages.messages.join(' ')).toMatch(/partnerSearch.*active.*active\.reporting\.overdue/);
    const fine = await t.http
      .get('/api/v1/cooperations?state=active.escalation.casesOpen')
      .set('Authorization', `Bearer ${token}`);
    expect(fine.status).toBe(200);
    const cases = await t.http.get('/api/v1/escalations?status=offen').set('Authorization', `Bearer ${token}`);
    expect(cases.status).toBe(400);
    expect(JSON.stringify(cases.body.errors)).toMatch(/open.*resolved.*failed.*closed/);
  });
});
