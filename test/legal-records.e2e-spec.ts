import { obligationNature } from '../src/cooperations/domain';
import { TimerScheduler } from '../src/cooperations';
import {
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  LOI_DRAFT,
  SCHOEPPINGEN,
} from './fixtures/building-yard.scenario';
import { EXIT_PLAN_SCHOEPPINGEN } from './fixtures/operation-phase.scenario';
import { BuildingYard } from './support/building-yard';
import { createTestApp, type TestApp } from './support/test-app';

const values = (offset: number) =>
  LOI_DRAFT.successCriteria.map((c, i) => ({ indicator: c.indicator, value: i + offset }));

/**
 * Issue 13 over HTTP, the records that are not steps of a statute: a submitted report corrected
 * with a reason (a new history entry, the acknowledgements start again); a recommendation waived
 * with a reason in the history, a statutory duty refused, a "ggfs." part marked not applicable;
 * the obligation catalog with its version and each obligation's nature.
 */
describe('report correction and waivers over HTTP (issue 13)', () => {
  let t: TestApp;
  let yard: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil();
  });
  afterAll(() => t.close());

  async function advanceTo(until: Date): Promise<void> {
    const scheduler = t.app.get(TimerScheduler);
    for (;;) {
      const [{ next }] = await t.dataSource.query<Array<{ next: Date | null }>>(
        `SELECT min(due_at) AS next FROM cooperation_timers WHERE cooperation_id = $1`,
        [yard.id],
      );
      if (!next || new Date(next) > until) break;
      yard.at(new Date(next));
      await scheduler.fireDueTimers();
    }
    yard.at(until);
  }
  const historyOf = async (type: string) => {
    const entries: Array<{ eventType: string; payload: Record<string, unknown> }> = [];
    for (let cursor: string | null = null; ;) {
      const res = await yard.get(COORD_HEEK, '/history', { query: { limit: 100, ...(cursor ? { cursor } : {}) } });
      entries.push(...res.body.items);
      cursor = res.body.next;
      if (!cursor) return entries.filter((e) => e.eventType === type);
    }
  };

  it('serves the obligation catalog with its version and each obligation’s nature', async () => {
    const res = await t.http.get('/api/v1/obligations').set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`);
    expect(res.status).toBe(200);
    expect(res.body.catalogVersion).toBe(4);
    const byId = Object.fromEntries(res.body.items.map((o: { id: string }) => [o.id, o]));
    expect(byId['OBL-EXIT-PLAN'].nature).toEqual({
      kind: 'recommended',
      basis: '[P7]',
      waivable: true,
      markableNotApplicable: ['vehiclesAndEquipment'],
      catalogVersion: 4,
    });
    expect(byId['OBL-EXIT-FORM-STEP'].nature).toMatchObject({ kind: 'statutory', waivable: false });
    expect(byId['OBL-DISSOLUTION-RESOLUTIONS'].nature).toMatchObject({ kind: 'conditional', waivable: false });
  });

  it('corrects a submitted report with a reason: a new history entry, the acknowledgements start again', async () => {
    await advanceTo(new Date('2027-03-31T08:00:00Z'));
    const submit = {
      type: 'SUBMIT_REPORT',
      period: '2027-Q1',
      narrative: 'Quartalsbericht 2027-Q1',
      values: values(0),
    };
    expect((await yard.send(COORD_HEEK, submit)).status).toBe(200);
    yard.at(new Date('2027-03-31T10:00:00Z'));
    expect((await yard.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).status).toBe(200);
    yard.at(new Date('2027-04-02T08:00:00Z'));
    const noReason = await yard.send(COORD_HEEK, { ...submit, type: 'CORRECT_REPORT', values: values(1) });
    expect(noReason.status).toBe(400);
    const corrected = await yard.send(COORD_HEEK, {
      ...submit,
      type: 'CORRECT_REPORT',
      reason: 'Einsatzstunden im Februar doppelt gezählt',
      narrative: 'Quartalsbericht 2027-Q1 (berichtigt)',
      values: values(1),
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.entry).toMatchObject({
      eventType: 'CORRECT_REPORT',
      payload: { reason: 'Einsatzstunden im Februar doppelt gezählt', period: '2027-Q1' },
    });
    const report = corrected.body.cooperation.context.reporting.reports.find(
      (r: { period: string; municipality: string }) => r.period === '2027-Q1',
    );
    expect(report).toMatchObject({
      narrative: 'Quartalsbericht 2027-Q1 (berichtigt)',
      acknowledgements: [],
      corrections: [
        expect.objectContaining({
          reason: 'Einsatzstunden im Februar doppelt gezählt',
          narrative: 'Quartalsbericht 2027-Q1',
        }),
      ],
    });
    // Acknowledging again is possible and needed: the partners acknowledge the corrected text.
    expect((await yard.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).status).toBe(200);
    expect((await historyOf('SUBMIT_REPORT')).length).toBe(1);
    expect((await historyOf('CORRECT_REPORT')).length).toBe(1);
    const stranger = await yard.send(COORD_SCHOEPPINGEN, { ...submit, type: 'CORRECT_REPORT', reason: 'x' });
    expect(stranger.status).toBe(422); // Schöppingen submitted no report for 2027-Q1
  });

  it('refuses to waive a statutory duty; waives a recommendation with its reason in the history', async () => {
    yard.at(new Date('2027-05-03T08:00:00Z'));
    const statutory = await yard.send(COORD_HEEK, {
      type: 'WAIVE_OBLIGATION',
      obligation: 'OBL-EXIT-FORM-STEP',
      reason: 'Die Aufsicht ist informell einverstanden',
    });
    expect(statutory.status).toBe(422);
    expect(statutory.body.errors).toEqual([
      { path: 'obligation', messages: ['Dies ist eine gesetzliche Pflicht; sie kann nicht erlassen werden.'] },
    ]);
    const waived = await yard.send(COORD_HEEK, {
      type: 'WAIVE_OBLIGATION',
      obligation: 'OBL-EXIT-ULTIMA-RATIO',
      reason: 'Der Austritt beruht auf einer Organisationsentscheidung, nicht auf einem Konflikt',
    });
    expect(waived.status).toBe(200);
    expect(waived.body.entry).toMatchObject({
      eventType: 'WAIVE_OBLIGATION',
      payload: {
        obligation: 'OBL-EXIT-ULTIMA-RATIO',
        reason: 'Der Austritt beruht auf einer Organisationsentscheidung, nicht auf einem Konflikt',
      },
    });
    const notApplicable = await yard.send(COORD_HEEK, {
      type: 'WAIVE_OBLIGATION',
      obligation: 'OBL-EXIT-PLAN',
      part: 'vehiclesAndEquipment',
      reason: 'Schöppingen hat keine eigenen Fahrzeuge eingebracht',
    });
    expect(notApplicable.status).toBe(200);
    const notGgfs = await yard.send(COORD_HEEK, {
      type: 'WAIVE_OBLIGATION',
      obligation: 'OBL-EXIT-PLAN',
      part: 'it',
      reason: 'x',
    });
    expect(notGgfs.status).toBe(422);
    expect((await historyOf('WAIVE_OBLIGATION')).map((e) => e.payload.obligation)).toEqual([
      'OBL-EXIT-ULTIMA-RATIO',
      'OBL-EXIT-PLAN',
    ]);
  });

  it('the waivers take effect: an exit without conflict procedure and without vehicles passes; 409s show the nature', async () => {
    const { vehiclesAndEquipment: _none, ...plan } = EXIT_PLAN_SCHOEPPINGEN;
    const exit = {
      type: 'REQUEST_EXIT',
      reasons: 'Eigene Aufgabenerfüllung',
      exitPlan: plan,
      formSpecificStep: { authority: 'Landrat des Kreises Borken' },
    };
    const missing = await yard.send(COORD_SCHOEPPINGEN, exit);
    expect(missing.status).toBe(409);
    expect(missing.body.obligations).toEqual([
      expect.objectContaining({
        id: 'OBL-EXIT-FORM-STEP',
        missing: ['formSpecificStep.notifiedOn'],
        nature: obligationNature('OBL-EXIT-FORM-STEP'),
      }),
    ]);
    const ok = await yard.send(COORD_SCHOEPPINGEN, {
      ...exit,
      formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2027-05-02' },
    });
    expect(ok.status).toBe(200);
    // § 24 Abs. 5 GkG NRW: the notice waits for the partners' receipts and the authority's publication.
    expect(ok.body.cooperation.context.membership.exitRequests[0].termination).toMatchObject({
      awaiting: ['receipts', 'authority-publication'],
    });
    const next = await yard.get(COORD_HEEK, '/next');
    expect(next.body.events.find((e: { type: string }) => e.type === 'RECORD_TERMINATION_RECEIPT')).toMatchObject({
      type: 'RECORD_TERMINATION_RECEIPT',
      allowed: true,
    });
    expect(
      (
        await yard.send(COORD_HEEK, {
          type: 'RECORD_TERMINATION_RECEIPT',
          municipality: SCHOEPPINGEN.ags,
          receivedOn: '2027-05-03',
        })
      ).status,
    ).toBe(200);
  });
});
