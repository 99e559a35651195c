import type { Actor } from './actor';
import { decide, nextEvents } from './engine';
import { caseIdFor } from './escalation';
import { exitEffectiveOn } from './membership';
import { dissolutionMissing } from './obligations.procedures';
import { EVENT_TYPES } from './phases';
import {
  ACTIVE_STATE,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
  LEGDEN,
  SCHOEPPINGEN,
} from '../../../test/fixtures/building-yard.scenario';
import { BOARD_HEEK, EXIT_PLAN_SCHOEPPINGEN } from '../../../test/fixtures/operation-phase.scenario';
import { activeAt, at, conflict, exitRequest, ID, terminationReceived } from '../../../test/fixtures/operation-setup';
import { accept, rejected, stateBefore } from '../../../test/fixtures/run-scenario';
import { SYSTEM_ACTOR } from './timers';

const ZV_NOTIFIED = {
  authority: 'Landrat des Kreises Borken',
  notifiedOn: '2027-01-29',
  publishedOn: '2027-01-30',
};

describe('exit [P7]', () => {
  it('needs the ultima ratio: a failed case of this cooperation, or why the procedure does not apply', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    const unmet = (extra: Record<string, unknown>) => {
      const d = rejected(run.decide(COORD_SCHOEPPINGEN, exitRequest(extra)));
      return d.kind === 'obligations-unmet' ? d.unmet!.map((u) => [u.id, u.missing]) : d.kind;
    };
    expect(unmet({ conflictProcedureNotApplicable: ' ' })).toEqual([
      ['OBL-EXIT-ULTIMA-RATIO', ['escalationCaseId|conflictProcedureNotApplicable']],
    ]);
    run.send(COORD_LEGDEN, conflict());
    const caseId = caseIdFor(ID, 1);
    expect(unmet({ escalationCaseId: caseId })).toEqual([['OBL-EXIT-ULTIMA-RATIO', [`escalationCase:${caseId}:open`]]]);
    expect(unmet({ escalationCaseId: 'x' })).toEqual([['OBL-EXIT-ULTIMA-RATIO', ['escalationCase:x:unknown']]]);
    expect(unmet({ exitPlan: { ...EXIT_PLAN_SCHOEPPINGEN, it: '', premises: undefined } })).toEqual([
      ['OBL-EXIT-PLAN', ['exitPlan.it', 'exitPlan.premises']],
    ]);
    expect(unmet({ formSpecificStep: { authority: 'Bezirksregierung Münster' } })).toEqual([
      ['OBL-EXIT-FORM-STEP', ['formSpecificStep.notifiedOn', 'formSpecificStep.authority:Landrat des Kreises Borken']],
    ]);
    expect(unmet({ formSpecificStep: { authority: 'x', notifiedOn: '2027-03-01' } })).toBe('invalid'); // future
  });

  it('§ 20 Abs. 1, 2 und 4 GkG NRW: Zweckverband exit by amendment — 2/3 of the statutory votes, Anzeige, publication', () => {
    const run = activeAt('2027-02-01T08:00:00Z', (ctx) => (ctx.contract.versions[0].legalForm = 'zweckverband'));
    const vote = (votesFor: number, votesTotal: number, statuteMajority?: object) =>
      decide(
        run.state,
        exitRequest({
          formSpecificStep: { ...ZV_NOTIFIED, voteDate: '2027-01-28', votesFor, votesTotal, statuteMajority },
        }),
        COORD_SCHOEPPINGEN,
        run.now,
      );
    expect(rejected(vote(5, 9)).unmet).toEqual([
      { id: 'OBL-EXIT-FORM-STEP', met: false, missing: ['formSpecificStep.votesFor:6'] },
    ]);
    expect(vote(5, 9, { numerator: 1, denominator: 2, reference: '§ 18 Verbandssatzung' }).ok).toBe(true);
    expect(accept(vote(6, 9)).state.context.membership.exitRequests).toHaveLength(1);
  });

  it('computes the end of the notice period per the contract (12 months to the end of a calendar year)', () => {
    const { state } = stateBefore();
    const ctx = state.context;
    expect(exitEffectiveOn(ctx, '2030-12-10')).toBe('2031-12-31');
    expect(exitEffectiveOn(ctx, '2031-01-10')).toBe('2032-12-31');
    const quarterly = structuredClone(ctx);
    quarterly.contract.versions[0].exitTerms = {
      ...quarterly.contract.versions[0].exitTerms,
      noticePeriod: { amount: 60, unit: 'working-days' },
      toEndOf: 'quarter',
      earliestDate: undefined,
    };
    // 60 NRW working days from 2 Feb 2027 (Karfreitag, Ostermontag skipped) → 29 Apr → end of Q2
    expect(exitEffectiveOn(quarterly, '2027-02-02')).toBe('2027-06-30');
  });

  it('can be withdrawn before the notice period ends, not after; stale firings of the old timer do nothing', () => {
    const run = activeAt('2030-12-01T08:00:00Z');
    run.send(
      COORD_SCHOEPPINGEN,
      exitRequest({ formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2030-11-30' } }),
    );
    terminationReceived(run);
    expect(rejected(run.decide(COORD_SCHOEPPINGEN, exitRequest())).kind).toBe('invalid'); // already pending
    const old = Object.values(run.state.context.timers).find((t) => t.key.startsWith('notice-end'))!;
    const w = run.send(COORD_SCHOEPPINGEN, { type: 'WITHDRAW_EXIT_REQUEST', reason: 'Ratsbeschluss aufgehoben' });
    expect(w.timers.cancel).toEqual([`notice-end:${SCHOEPPINGEN.ags}`]);
    expect(w.stateAfter).toContain('active.membership.stable');
    expect(rejected(run.decide(COORD_SCHOEPPINGEN, { type: 'WITHDRAW_EXIT_REQUEST' })).kind).toBe('invalid');
    // asked again a year later: a new instance of the same key
    run.send(
      COORD_SCHOEPPINGEN,
      exitRequest({ formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2031-12-01' } }),
      at('2031-12-02T08:00:00Z'),
    );
    terminationReceived(run);
    const stale = accept(run.decide(SYSTEM_ACTOR, old.event, at('2032-01-02T08:00:00Z')));
    expect(stale).toMatchObject({ noop: true, timers: { schedule: [], cancel: [] } });
    expect(stale.state.context.members[SCHOEPPINGEN.ags].status).toBe('active');
    // once the notice period has ended (timer not yet fired) it can no longer be withdrawn
    expect(
      rejected(decide(run.state, { type: 'WITHDRAW_EXIT_REQUEST' }, COORD_SCHOEPPINGEN, at('2033-01-01T08:00:00Z')))
        .errors,
    ).toEqual([{ path: 'type', message: { key: 'rules.noticeEnded', params: { date: '2032-12-31', field: 'type' } } }]);
  });

  it('dissolves when fewer than two partners remain, cancelling every timer', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    run.send(COORD_SCHOEPPINGEN, exitRequest());
    terminationReceived(run);
    run.send(COORD_LEGDEN, conflict());
    run.advanceTo(at('2032-01-01T08:00:00Z'));
    expect(run.state.context.members[SCHOEPPINGEN.ags].status).toBe('left');
    run.send(
      COORD_LEGDEN,
      exitRequest({ formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2032-01-01' } }),
    );
    terminationReceived(run, COORD_LEGDEN);
    const notice = Object.values(run.state.context.timers).find((t) => t.key === `notice-end:${LEGDEN.ags}`)!;
    expect(notice.dueAt).toBe('2033-12-31T23:00:00.000Z'); // 12 months from 1 Jan 2032, to the end of 2033
    const [last] = run.advanceTo(at('2034-01-01T08:00:00Z')).filter((d) => d.event.type === 'NOTICE_PERIOD_ENDED');
    expect(last.stateAfter).toBe('dissolving');
    expect(last.timers.schedule).toEqual([]);
    expect(last.timers.cancel).toEqual(
      expect.arrayContaining([`notice-end:${LEGDEN.ags}`, `report-due:${HEEK.ags}:2033-Q4`]),
    );
    expect(last.state.context.timers).toEqual({});
    expect(last.state.context.dissolution).toMatchObject({ reason: 'too-few-partners' });
    // nobody reported for years: every missed report opened a case; dissolution closed the open ones
    const cases = last.state.context.escalation.cases;
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.filter((c) => c.status === 'open')).toEqual([]);
    expect(cases.at(-1)).toMatchObject({
      status: 'closed',
      steps: expect.arrayContaining([expect.objectContaining({ action: 'closed-by-dissolution' })]),
    });
    expect(run.table.size).toBe(0);
  });
});

describe('dissolution', () => {
  it('one council refusing rejects the proposal; a new one may follow', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    const resolution = (agreed: boolean) => ({
      type: 'RECORD_DISSOLUTION_RESOLUTION',
      body: 'Rat',
      date: '2027-01-28',
      reference: 'V 1',
      agreed,
    });
    expect(rejected(run.decide(COORD_HEEK, resolution(true))).kind).toBe('invalid'); // no proposal
    run.send(COORD_HEEK, { type: 'PROPOSE_DISSOLUTION', reason: 'Aufgabe entfällt' });
    expect(rejected(run.decide(COORD_LEGDEN, { type: 'PROPOSE_DISSOLUTION', reason: 'x' })).kind).toBe('invalid');
    run.send(COORD_HEEK, resolution(true));
    const refused = run.send(COORD_LEGDEN, resolution(false));
    expect(refused.stateAfter).toBe(ACTIVE_STATE);
    expect(refused.state.context.dissolution.proposals[0].status).toBe('rejected');
    run.send(COORD_LEGDEN, { type: 'PROPOSE_DISSOLUTION', reason: 'Neuer Anlauf' });
    run.send(COORD_HEEK, resolution(true));
    run.send(COORD_LEGDEN, resolution(true));
    expect(rejected(run.decide(COORD_SCHOEPPINGEN, { ...resolution(true), body: 'Kreistag' })).errors).toEqual([
      {
        path: 'body',
        message: { key: 'rules.wrongBody', params: { body: 'Rat', ags: SCHOEPPINGEN.ags, field: 'body' } },
      },
    ]);
    const councils = run.send(COORD_SCHOEPPINGEN, resolution(true));
    expect(councils.stateAfter).toBe(ACTIVE_STATE);
    const d = run.send(COORD_HEEK, CANCELLATION_NOTIFIED);
    expect(d.stateAfter).toBe('dissolving');
    expect(d.obligations).toEqual([{ id: 'OBL-DISSOLUTION-RESOLUTIONS', met: true, missing: [] }]);
    expect(d.state.context.dissolution).toMatchObject({ reason: 'agreement', startedAt: d.state.context.updatedAt });
  });
});

/** § 24 Abs. 5 GkG NRW: the Aufhebung notified to the Landrat des Kreises Borken and published by it. */
const CANCELLATION_NOTIFIED = {
  type: 'RECORD_SUPERVISORY_STEP',
  kind: 'notification',
  authority: 'Landrat des Kreises Borken',
  submittedOn: '2027-01-29',
  publishedOn: '2027-01-30',
} as const;

/** Every partner's council agreed to the open proposal of an Aufhebung. */
const agreedByCouncils = (effectiveOn?: string) => {
  const run = activeAt('2027-02-01T08:00:00Z');
  run.send(COORD_HEEK, {
    type: 'PROPOSE_DISSOLUTION',
    reason: 'Aufgabe entfällt',
    ...(effectiveOn ? { effectiveOn } : {}),
  });
  for (const actor of [COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN]) {
    run.send(actor, {
      type: 'RECORD_DISSOLUTION_RESOLUTION',
      body: 'Rat',
      date: '2027-01-28',
      reference: 'V',
      agreed: true,
    });
  }
  return run;
};

describe('Aufhebung of an öffentlich-rechtliche Vereinbarung (§ 24 Abs. 5 GkG NRW)', () => {
  it('§ 24 Abs. 5 S. 1 GkG NRW: every council agreed is not enough — the Anzeige to the § 29 Abs. 4 authority is missing', () => {
    const run = agreedByCouncils();
    expect(run.state.value).toHaveProperty('active');
    expect(dissolutionMissing(run.state.context, new Date('2027-02-01T08:00:00Z'))).toEqual([
      'supervisoryStep:notification',
    ]);
  });

  it('§ 24 Abs. 5 S. 2 i. V. m. Abs. 3 GkG NRW: notified but not yet published stays active', () => {
    const run = agreedByCouncils();
    const { publishedOn: _p, ...unpublished } = CANCELLATION_NOTIFIED;
    const step = run.send(COORD_HEEK, unpublished);
    expect(step.stateAfter).toEqual(ACTIVE_STATE);
    expect(step.state.context.dissolution.proposals[0].status).toBe('open');
  });

  it('§ 24 Abs. 5 S. 2 i. V. m. Abs. 4 GkG NRW: effective the day after publication, or on the later day agreed', () => {
    const run = agreedByCouncils();
    const d = run.send(COORD_HEEK, CANCELLATION_NOTIFIED);
    expect(d.stateAfter).toBe('dissolving');
    expect(d.state.context.dissolution.effectiveOn).toBe('2027-01-31');
    const later = agreedByCouncils('2027-06-30').send(COORD_HEEK, CANCELLATION_NOTIFIED);
    expect(later.state.context.dissolution.effectiveOn).toBe('2027-06-30');
  });

  it('§ 24 Abs. 5 S. 1 GkG NRW: an Anzeige to another authority than the § 29 Abs. 4 one does not complete it', () => {
    const run = agreedByCouncils();
    const d = run.send(COORD_HEEK, { ...CANCELLATION_NOTIFIED, authority: 'Bezirksregierung Münster' });
    expect(d.stateAfter).toEqual(ACTIVE_STATE);
  });
});

describe('dissolved is final', () => {
  it('refuses every event, from every actor, as event-not-allowed', () => {
    const run = agreedByCouncils();
    run.send(COORD_HEEK, CANCELLATION_NOTIFIED);
    expect(run.state.value).toBe('dissolving');
    const done = run.send(COORD_HEEK, {
      type: 'RECORD_WINDING_UP',
      assets: 'a',
      staff: 's',
      data: 'd',
      openObligations: 'o',
    });
    expect(done.stateAfter).toBe('dissolved');
    const actors: Actor[] = [COORD_HEEK, BOARD_HEEK, SYSTEM_ACTOR];
    for (const type of EVENT_TYPES) {
      for (const actor of actors) {
        expect([type, rejected(decide(done.state, { type }, actor, run.now)).kind]).toEqual([
          type,
          'event-not-allowed',
        ]);
      }
    }
    expect(nextEvents(done.state, COORD_HEEK, run.now)).toEqual([]);
  });
});
