import { competentAuthorityView } from './authority-view';
import type { CooperationContext } from './cooperation';
import type { CooperationState } from './cooperation-state';
import { decide, type Decision } from './engine';
import {
  LOI_DRAFT,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
} from '../../../test/fixtures/building-yard.scenario';
import { ASCHEBERG, KREIS_BORKEN, SOEST } from '../../../test/fixtures/municipalities';
import { OperationRun } from '../../../test/fixtures/operation-run';
import { accept, stateBefore } from '../../../test/fixtures/run-scenario';

/*
 * The rule core wired into the lifecycle: each test drives decide() on the building yard just
 * before entry into force (or after it), changed where the case needs it.
 */

const { state: ready, at: forceAt } = stateBefore('put-into-force');
const change = (fn: (ctx: CooperationContext) => void, state: CooperationState = ready): CooperationState => {
  const copy = structuredClone(state);
  fn(copy.context);
  return copy;
};
const join = (ctx: CooperationContext, ...refs: (typeof HEEK)[]) => {
  for (const m of refs) {
    ctx.members[m.ags] = {
      ...m,
      role: 'partner',
      status: 'active',
      invitedAt: null,
      joinedAt: ctx.createdAt,
      endedAt: null,
      endReason: null,
    };
    ctx.contract.councilResolutions.push({
      ...ctx.contract.councilResolutions[0],
      municipality: m.ags,
      body: m.kind === 'Kreis' ? 'Kreistag' : 'Rat',
    });
    ctx.contract.signatures.push({ ...ctx.contract.signatures[0], municipality: m.ags });
  }
};
const asZweckverband = (ctx: CooperationContext) => {
  ctx.contract.versions[0].legalForm = 'zweckverband';
  delete ctx.contract.versions[0].variant;
};
const force = (state: CooperationState, at = forceAt): Decision =>
  decide(state, { type: 'PUT_INTO_FORCE' }, COORD_HEEK, at);
const unmet = (d: Decision) => (d.ok ? [] : (d.unmet ?? []).map((u) => [u.id, u.missing]));
const withAuthority = (authority: string) => (ctx: CooperationContext) =>
  void (ctx.contract.supervisoryStep = { ...ctx.contract.supervisoryStep!, authority });

describe('competence in the lifecycle (§ 29 GkG NRW)', () => {
  it('§ 29 Abs. 1 S. 1 Nr. 1 GkG NRW: a Zweckverband with a Kreis as member — the Bezirksregierung of the seat', () => {
    const zv = change((ctx) => {
      asZweckverband(ctx);
      join(ctx, KREIS_BORKEN);
    });
    expect(unmet(force(zv))).toEqual([
      ['OBL-SUPERVISORY-STEP', ['supervisoryStep.authority:Bezirksregierung Münster']],
    ]);
    expect(force(change(withAuthority('Bezirksregierung Münster'), zv)).ok).toBe(true);
  });

  it('§ 29 Abs. 1 S. 1 Nr. 2 GkG NRW: Gemeinden of several Kreise — the Landrat of the seat’s Kreis, either gender', () => {
    const zv = change((ctx) => {
      asZweckverband(ctx);
      join(ctx, ASCHEBERG);
    });
    expect(force(zv).ok).toBe(true);
    expect(force(change(withAuthority('Landrätin des Kreises Borken'), zv)).ok).toBe(true);
    expect(force(change(withAuthority('landrat:05554'), zv)).ok).toBe(true);
    expect(unmet(force(change(withAuthority('Landrat des Kreises Coesfeld'), zv)))).toEqual([
      ['OBL-SUPERVISORY-STEP', ['supervisoryStep.authority:Landrat des Kreises Borken']],
    ]);
  });

  it('§ 29 Abs. 4 S. 2 GkG NRW: an ÖrV across Regierungsbezirke needs the designation recorded by the user', () => {
    const orv = change((ctx) => join(ctx, SOEST));
    expect(competentAuthorityView(orv.context, forceAt)).toMatchObject({
      status: 'designation-required',
      designationRequired: true,
      designatedBy: { id: 'ministry:kommunales' },
      proposed: { id: 'landrat:05554' },
    });
    expect(unmet(force(orv))).toEqual([['OBL-SUPERVISORY-STEP', ['supervisoryStep.designation:ministry:kommunales']]]);
    const designated = change((ctx) => {
      ctx.contract.supervisoryStep = {
        ...ctx.contract.supervisoryStep!,
        authority: 'Bezirksregierung Münster',
        designation: {
          authority: 'bezirksregierung:muenster',
          designatedBy: 'ministry:kommunales',
          designatedOn: '2026-07-01',
          reference: 'MHKBD 304-2026',
        },
      };
    }, orv);
    expect(force(designated).ok).toBe(true);
    expect(competentAuthorityView(designated.context, forceAt)).toMatchObject({
      status: 'determined',
      authority: { id: 'bezirksregierung:muenster' },
    });
  });
});

describe('entry into force (§ 24 Abs. 4 GkG NRW)', () => {
  it('§ 24 Abs. 4 GkG NRW: the day after publication, not the time PUT_INTO_FORCE is sent', () => {
    const d = accept(force(ready, new Date('2026-08-20T09:00:00Z')));
    expect(d.state.context.contract.inForceOn).toBe('2026-08-15');
  });

  it('§ 24 Abs. 4 GkG NRW: a later date set in the agreement', () => {
    const later = change((ctx) => void (ctx.contract.versions[0].effectiveOn = '2026-09-01'));
    expect(unmet(force(later))).toEqual([['OBL-SUPERVISORY-STEP', ['supervisoryStep.inForceFrom:2026-09-01']]]);
    const d = accept(force(later, new Date('2026-09-01T06:00:00Z')));
    expect(d.state.context.contract).toMatchObject({
      inForceOn: '2026-09-01',
      inForceSince: '2026-08-31T22:00:00.000Z',
    });
  });
});

describe('statutory duties and good practice in the lifecycle', () => {
  it('§ 23 Abs. 5 GkG NRW: a term of 20 years needs no notice period — "none" is a valid term', () => {
    const twenty = change((ctx) => {
      ctx.contract.versions[0].term.end = '2046-12-31';
      ctx.contract.versions[0].exitTerms!.noticePeriod = null;
    });
    expect(force(twenty).ok).toBe(true);
    const unlimited = change((ctx) => void (ctx.contract.versions[0].exitTerms!.noticePeriod = null));
    expect(unmet(force(unlimited))).toEqual([['OBL-EXIT-TERMS', ['exitTerms.noticePeriod']]]);
  });

  it('§§ 2–3 GkG NRW: a kommunale Arbeitsgemeinschaft needs no council resolution and no supervisory step', () => {
    const ag = change((ctx) => {
      ctx.contract.versions[0].legalForm = 'kommunale-arbeitsgemeinschaft';
      delete ctx.contract.versions[0].variant;
      ctx.contract.councilResolutions = [];
      ctx.contract.supervisoryStep = null;
    });
    expect(force(ag).ok).toBe(true);
  });

  it('§ 60 Abs. 1 S. 2 GO NRW: a Dringlichkeitsentscheidung counts as the member’s decision', () => {
    const { state, at } = stateBefore('council-legden');
    const d = accept(
      decide(
        state,
        {
          type: 'RECORD_COUNCIL_RESOLUTION',
          version: 1,
          body: 'Dringlichkeitsentscheidung',
          date: '2026-06-23',
          reference: 'DE 1/2026',
        },
        COORD_LEGDEN,
        at,
      ),
    );
    expect(d.state.context.contract.councilResolutions.map((r) => r.body)).toEqual([
      'Rat',
      'Dringlichkeitsentscheidung',
    ]);
  });

  it('[P6] a recommendation is waived with a reason kept in the history; a statutory duty cannot be', () => {
    const noProcedure = change((ctx) => void delete ctx.contract.versions[0].conflictProcedure);
    expect(unmet(force(noProcedure))).toEqual([['OBL-CONFLICT-PROCEDURE', ['conflictProcedure.levels']]]);
    const waive = {
      type: 'WAIVE_OBLIGATION',
      obligation: 'OBL-CONFLICT-PROCEDURE',
      reason: 'Streit entscheidet der Kreis',
    };
    const waived = accept(decide(noProcedure, waive, COORD_HEEK, forceAt));
    expect(waived.event).toMatchObject({ reason: 'Streit entscheidet der Kreis' });
    const d = accept(force(waived.state));
    expect(d.obligations).toContainEqual({ id: 'OBL-CONFLICT-PROCEDURE', met: true, missing: [], waived: true });
    const statutory = decide(noProcedure, { ...waive, obligation: 'OBL-SUPERVISORY-STEP' }, COORD_HEEK, forceAt);
    expect(statutory).toMatchObject({ ok: false, kind: 'invalid', errors: [{ path: 'obligation' }] });
    expect(decide(noProcedure, waive, COORD_LEGDEN, forceAt)).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('[P7] "ggfs.": vehicles and equipment marked not applicable; the § 23 Abs. 5 notice period survives a waiver', () => {
    const bare = change((ctx) => {
      delete ctx.contract.versions[0].exitTerms!.vehiclesAndEquipment;
      delete ctx.contract.versions[0].exitTerms!.noticePeriod;
    });
    const part = {
      type: 'WAIVE_OBLIGATION',
      obligation: 'OBL-EXIT-TERMS',
      part: 'vehiclesAndEquipment',
      reason: 'Keine Fahrzeuge eingebracht',
    };
    const marked = accept(decide(bare, part, COORD_HEEK, forceAt)).state;
    expect(unmet(force(marked))).toEqual([['OBL-EXIT-TERMS', ['exitTerms.noticePeriod']]]);
    const whole = { type: 'WAIVE_OBLIGATION', obligation: 'OBL-EXIT-TERMS', reason: 'Keine Austrittsregelung gewollt' };
    const waived = accept(decide(marked, whole, COORD_HEEK, forceAt)).state;
    expect(unmet(force(waived))).toEqual([['OBL-EXIT-TERMS', ['exitTerms.noticePeriod']]]);
    expect(decide(bare, { ...part, part: 'it' }, COORD_HEEK, forceAt)).toMatchObject({
      ok: false,
      errors: [{ path: 'part' }],
    });
  });
});

describe('while active', () => {
  const activeRun = () => {
    const run = new OperationRun(ready, forceAt);
    run.send(COORD_HEEK, { type: 'PUT_INTO_FORCE' });
    return run;
  };
  const values = LOI_DRAFT.successCriteria.map((c, i) => ({ indicator: c.indicator, value: i }));

  it('a corrected report is a new history entry with its reason; the acknowledgements start again', () => {
    const run = activeRun();
    run.send(
      COORD_HEEK,
      { type: 'SUBMIT_REPORT', period: '2027-Q1', narrative: 'Bericht', values },
      new Date('2027-03-20T08:00:00Z'),
    );
    run.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' });
    const corrected = run.send(COORD_HEEK, {
      type: 'CORRECT_REPORT',
      period: '2027-Q1',
      reason: 'Kosten je km falsch übertragen',
      narrative: 'Bericht (berichtigt)',
      values: values.map((v) => ({ ...v, value: v.value + 1 })),
    });
    const report = corrected.state.context.reporting.reports[0];
    expect(report).toMatchObject({ narrative: 'Bericht (berichtigt)', acknowledgements: [] });
    expect(report.corrections).toEqual([
      expect.objectContaining({ reason: 'Kosten je km falsch übertragen', narrative: 'Bericht' }),
    ]);
    expect(corrected.obligations).toEqual([{ id: 'OBL-REPORT-CRITERIA', met: true, missing: [] }]);
    const incomplete = run.decide(COORD_HEEK, {
      type: 'CORRECT_REPORT',
      period: '2027-Q1',
      reason: 'r',
      narrative: 'n',
      values: [],
    });
    expect(incomplete).toMatchObject({ ok: false, kind: 'obligations-unmet' });
    expect(
      run.decide(COORD_LEGDEN, { type: 'CORRECT_REPORT', period: '2027-Q1', reason: 'r', narrative: 'n', values }),
    ).toMatchObject({
      ok: false,
      kind: 'invalid',
    });
  });

  it('an amendment extending the fixed term moves the term-end timer (the extension)', () => {
    const fixed = change((ctx) => void (ctx.contract.versions[0].term.end = '2030-12-31'));
    const run = new OperationRun(fixed, forceAt);
    const d = run.send(COORD_HEEK, { type: 'PUT_INTO_FORCE' });
    expect(d.state.context.timers['term-end']).toMatchObject({ dueAt: '2030-12-31T23:00:00.000Z' });
    const { legalForm, variant, seat, tasks, costAllocation, conflictProcedure, exitTerms } =
      fixed.context.contract.versions[0];
    run.send(COORD_HEEK, {
      type: 'PROPOSE_AMENDMENT',
      reason: 'Verlängerung um fünf Jahre',
      legalForm,
      variant,
      seat,
      tasks,
      costAllocation,
      conflictProcedure,
      exitTerms,
      term: { start: '2027-01-01', end: '2035-12-31' },
    });
    expect(
      run.decide(COORD_HEEK, {
        type: 'PROPOSE_AMENDMENT',
        reason: 'x',
        legalForm,
        variant,
        seat,
        tasks,
        costAllocation,
        term: { start: '2027-01-01' },
      }),
    ).toMatchObject({
      ok: false,
      kind: 'invalid', // one amendment at a time
    });
    expect(run.decide(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' })).toMatchObject({
      ok: false,
      unmet: [
        { id: 'OBL-AMENDMENT-RESOLUTIONS' },
        { id: 'OBL-AMENDMENT-SUPERVISORY-STEP' },
        // § 24 Abs. 1 S. 1 GkG NRW: the amended agreement is signed like the agreement.
        {
          id: 'OBL-AMENDMENT-SIGNED-ALL',
          missing: ['amendmentSignature:05554024', 'amendmentSignature:05554036', 'amendmentSignature:05554052'],
        },
      ],
    });
    const resolution = {
      type: 'RECORD_COUNCIL_RESOLUTION',
      version: 2,
      body: 'Rat',
      date: '2026-08-17',
      reference: 'V',
    };
    for (const actor of [COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN]) {
      run.send(actor, resolution);
      run.send(actor, { type: 'SIGN_AMENDMENT', version: 2 });
    }
    run.send(COORD_HEEK, {
      type: 'RECORD_SUPERVISORY_STEP',
      kind: 'approval',
      authority: 'Landrätin oder Landrat des Kreises Borken',
      submittedOn: '2026-08-17',
      approvedOn: '2026-08-17',
      publishedOn: '2026-08-17',
    });
    const amended = run.send(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' }, new Date('2026-09-01T08:00:00Z'));
    expect(amended.state.context.timers['term-end']).toMatchObject({ dueAt: '2035-12-31T23:00:00.000Z' });
    expect(amended.state.context.contract.amendments).toEqual([
      { contractVersion: 2, inForceOn: '2026-08-18', joined: [], reason: 'Verlängerung um fünf Jahre' },
    ]);
  });
});
