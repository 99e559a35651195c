import type { CooperationContext } from './cooperation';
import {
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
  LEGDEN,
  SCHOEPPINGEN,
} from '../../../test/fixtures/building-yard.scenario';
import { activeAt, exitRequest } from '../../../test/fixtures/operation-setup';
import type { OperationRun } from '../../../test/fixtures/operation-run';
import { accept, rejected } from '../../../test/fixtures/run-scenario';

/*
 * Exit, dissolution and amendment per legal form, through decide(): one test per rule, the statute
 * in its name. The building yard (three Gemeinden of Kreis Borken, seat Heek) serves as each form.
 */

const asForm = (form: string) => (ctx: CooperationContext) => {
  ctx.contract.versions[0].legalForm = form as never;
  if (form !== 'oeffentlich-rechtliche-vereinbarung') delete ctx.contract.versions[0].variant;
};
const zv = (now: string) => activeAt(now, asForm('zweckverband'));
const text = (run: OperationRun) => {
  const {
    version: _v,
    draftedAt: _a,
    draftedBy: _b,
    meta: _m,
    ...t
  } = run.state.context.contract.versions[0] as never as Record<string, unknown> & { tasks: string[] };
  return t;
};
const vote = (subject: string, votesFor: number, statutoryVotes = 9) => ({
  type: 'RECORD_ASSEMBLY_VOTE',
  subject,
  date: '2027-02-01',
  votesFor,
  statutoryVotes,
  reference: 'Niederschrift VV 1/2027',
});
const unmetOf = (d: ReturnType<OperationRun['decide']>) =>
  rejected(d).unmet?.map((u) => [u.id, u.missing]) ?? rejected(d).kind;

describe('Zweckverband dissolution (§ 20 GkG NRW)', () => {
  it('§ 20 Abs. 1 S. 1 GkG NRW: two thirds of the statutory votes, not unanimity; one council’s no rejects nothing', () => {
    const run = zv('2027-03-02T08:00:00Z');
    run.send(COORD_LEGDEN, { type: 'PROPOSE_DISSOLUTION', reason: 'Aufgabe entfällt' });
    run.send(COORD_SCHOEPPINGEN, {
      type: 'RECORD_DISSOLUTION_RESOLUTION',
      body: 'Rat',
      date: '2027-02-20',
      reference: 'V 1',
      agreed: false,
    });
    expect(run.state.context.dissolution.proposals[0].status).toBe('open');
    const short = run.send(COORD_HEEK, vote('dissolution', 5));
    expect(short.stateAfter).toContain('active');
    expect(run.state.context.dissolution.proposals[0].assemblyVote).toMatchObject({ votesFor: 5, statutoryVotes: 9 });
    run.send(COORD_HEEK, vote('dissolution', 6));
    expect(run.state.value).toHaveProperty('active'); // approval and publication still missing
  });

  it('§ 20 Abs. 2 S. 1 Halbs. 2, Abs. 4 GkG NRW: the dissolution needs the approval and its publication, then dissolving', () => {
    const run = zv('2027-03-02T08:00:00Z');
    run.send(COORD_LEGDEN, { type: 'PROPOSE_DISSOLUTION', reason: 'Aufgabe entfällt' });
    run.send(COORD_HEEK, vote('dissolution', 6));
    const step = {
      type: 'RECORD_SUPERVISORY_STEP',
      kind: 'approval',
      authority: 'Landrätin oder Landrat des Kreises Borken',
      submittedOn: '2027-03-01',
      approvedOn: '2027-03-02',
    };
    expect(run.send(COORD_HEEK, step).stateAfter).toContain('active'); // not yet published
    const done = run.send(COORD_HEEK, { ...step, publishedOn: '2027-03-02' });
    expect(done.stateAfter).toBe('dissolving');
    expect(done.state.context.dissolution).toMatchObject({ reason: 'agreement' });
    expect(done.state.context.dissolution.proposals[0].status).toBe('agreed');
  });

  it('§ 20 Abs. 2 S. 1 GkG NRW: the approval comes from the competent authority (§ 29 Abs. 1), not any', () => {
    const run = zv('2027-03-02T08:00:00Z');
    run.send(COORD_LEGDEN, { type: 'PROPOSE_DISSOLUTION', reason: 'Aufgabe entfällt' });
    run.send(COORD_HEEK, vote('dissolution', 9));
    const d = run.send(COORD_HEEK, {
      type: 'RECORD_SUPERVISORY_STEP',
      kind: 'approval',
      authority: 'Bezirksregierung Münster',
      submittedOn: '2027-03-01',
      approvedOn: '2027-03-02',
      publishedOn: '2027-03-02',
    });
    expect(d.stateAfter).toContain('active');
  });

  it('§ 15 GkG NRW: only a Zweckverband has an assembly that votes', () => {
    const run = activeAt('2027-03-02T08:00:00Z');
    run.send(COORD_LEGDEN, { type: 'PROPOSE_DISSOLUTION', reason: 'Aufgabe entfällt' });
    expect(rejected(run.decide(COORD_HEEK, vote('dissolution', 6))).detail?.en).toContain('Only a Zweckverband');
  });
});

describe('exit per legal form', () => {
  it('§ 24 Abs. 5 GkG NRW: the ÖrV notice runs from the last partner’s receipt; effective after the publication', () => {
    const run = activeAt('2030-12-01T08:00:00Z');
    run.send(
      COORD_SCHOEPPINGEN,
      exitRequest({ formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2030-11-30' } }),
    );
    const pending = () => run.state.context.membership.exitRequests[0];
    expect(pending().termination?.awaiting).toEqual(['receipts', 'authority-publication']);
    expect(Object.keys(run.state.context.timers).some((k) => k.startsWith('notice-end'))).toBe(false);
    run.send(COORD_HEEK, {
      type: 'RECORD_TERMINATION_RECEIPT',
      municipality: SCHOEPPINGEN.ags,
      receivedOn: '2030-12-01',
    });
    expect(
      rejected(
        run.decide(COORD_SCHOEPPINGEN, {
          type: 'RECORD_TERMINATION_RECEIPT',
          municipality: SCHOEPPINGEN.ags,
          receivedOn: '2030-12-01',
        }),
      ).kind,
    ).toBe('invalid'); // one does not receive one's own termination
    // Legden receives it only in January 2031: 12 months from then, to the end of 2032 (from the request: 2031).
    run.advanceTo(new Date('2031-01-05T08:00:00Z'));
    run.send(COORD_LEGDEN, {
      type: 'RECORD_TERMINATION_RECEIPT',
      municipality: SCHOEPPINGEN.ags,
      receivedOn: '2031-01-05',
    });
    expect(pending().termination?.awaiting).toEqual(['authority-publication']);
    run.send(COORD_SCHOEPPINGEN, { type: 'RECORD_TERMINATION_PUBLICATION', publishedOn: '2031-01-05' });
    expect(pending().effectiveOn).toBe('2032-12-31');
    expect(run.state.context.timers[`notice-end:${SCHOEPPINGEN.ags}`]).toMatchObject({
      dueAt: '2032-12-31T23:00:00.000Z',
    });
  });

  it('§ 24 Abs. 5 S. 2 i. V. m. Abs. 4 GkG NRW: a publication after the notice ended moves the last day to it', () => {
    const run = activeAt('2027-02-02T08:00:00Z');
    const ctx = structuredClone(run.state.context);
    ctx.contract.versions[0].exitTerms = {
      ...ctx.contract.versions[0].exitTerms,
      noticePeriod: { amount: 1, unit: 'months' },
      toEndOf: null,
      earliestDate: undefined,
    };
    run.state = { ...run.state, context: ctx };
    run.send(COORD_SCHOEPPINGEN, exitRequest());
    for (const actor of [COORD_HEEK, COORD_LEGDEN]) {
      run.send(actor, { type: 'RECORD_TERMINATION_RECEIPT', municipality: SCHOEPPINGEN.ags, receivedOn: '2027-02-02' });
    }
    run.advanceTo(new Date('2027-04-10T08:00:00Z'));
    run.send(COORD_SCHOEPPINGEN, { type: 'RECORD_TERMINATION_PUBLICATION', publishedOn: '2027-04-09' });
    expect(run.state.context.membership.exitRequests[0].effectiveOn).toBe('2027-04-09');
  });

  it('§ 115 Abs. 1 S. 1 Buchst. c GO NRW: a private-law exit is notified to the leaving member’s own authority', () => {
    const run = activeAt('2027-02-02T08:00:00Z');
    const ctx = structuredClone(run.state.context);
    asForm('private-law')(ctx);
    // Schöppingen as a kreisfreie Stadt: its own authority is the Bezirksregierung, the seat's the Landrat.
    ctx.members[SCHOEPPINGEN.ags] = { ...ctx.members[SCHOEPPINGEN.ags], kind: 'kreisfreie Stadt' };
    run.state = { ...run.state, context: ctx };
    const step = (authority: string) =>
      exitRequest({
        formSpecificStep: { provision: '§ 14 Gesellschaftsvertrag', authority, notifiedOn: '2027-02-01' },
      });
    expect(unmetOf(run.decide(COORD_SCHOEPPINGEN, step('Landrat des Kreises Borken')))).toEqual([
      ['OBL-EXIT-FORM-STEP', ['formSpecificStep.authority:Bezirksregierung Münster']],
    ]);
    expect(run.decide(COORD_SCHOEPPINGEN, step('Bezirksregierung Münster')).ok).toBe(true);
  });

  it('§ 9 Abs. 2 S. 2 Nr. 3 GkG NRW: a Zweckverband exit by the statute’s termination right needs no vote', () => {
    const run = zv('2027-02-02T08:00:00Z');
    const step = {
      route: 'termination-right',
      authority: 'Landrat des Kreises Borken',
      notifiedOn: '2027-02-01',
      publishedOn: '2027-02-01',
    };
    expect(unmetOf(run.decide(COORD_SCHOEPPINGEN, exitRequest({ formSpecificStep: step })))).toEqual([
      ['OBL-EXIT-FORM-STEP', ['formSpecificStep.provision']],
    ]);
    const ok = run.decide(
      COORD_SCHOEPPINGEN,
      exitRequest({ formSpecificStep: { ...step, provision: '§ 16 Satzung' } }),
    );
    expect(accept(ok).state.context.membership.exitRequests[0].termination).toBeUndefined();
  });

  it('§ 20 Abs. 2 und 4 GkG NRW: a Zweckverband exit by amendment is notified and published', () => {
    const run = zv('2027-02-02T08:00:00Z');
    const step = { voteDate: '2027-01-28', votesFor: 6, votesTotal: 9 };
    expect(unmetOf(run.decide(COORD_SCHOEPPINGEN, exitRequest({ formSpecificStep: step })))).toEqual([
      [
        'OBL-EXIT-FORM-STEP',
        ['formSpecificStep.authority', 'formSpecificStep.notifiedOn', 'formSpecificStep.publishedOn'],
      ],
    ]);
  });
});

/** § 20 Abs. 2 S. 1, Abs. 4 GkG NRW: the amended statute notified to the seat's Landrat and published. */
const ZV_AMENDMENT_NOTIFIED = {
  type: 'RECORD_SUPERVISORY_STEP',
  kind: 'notification',
  authority: 'Landrat des Kreises Borken',
  submittedOn: '2027-02-01',
  publishedOn: '2027-02-02',
} as const;

describe('amendments per legal form', () => {
  const propose = (run: OperationRun, change: Record<string, unknown> = {}) =>
    run.send(COORD_HEEK, { type: 'PROPOSE_AMENDMENT', reason: 'Neue Kostenverteilung', ...text(run), ...change });

  it('§ 20 Abs. 1 S. 1 GkG NRW: a Zweckverband amendment needs the assembly’s two thirds, not each council', () => {
    const run = zv('2027-02-02T08:00:00Z');
    propose(run);
    const missing = () => unmetOf(run.decide(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' }));
    expect(missing()).toEqual([
      ['OBL-AMENDMENT-RESOLUTIONS', ['assemblyVote']],
      ['OBL-AMENDMENT-SUPERVISORY-STEP', ['supervisoryStep:notification']],
    ]);
    run.send(COORD_HEEK, vote('amendment', 5));
    expect(missing()[0]).toEqual(['OBL-AMENDMENT-RESOLUTIONS', ['assemblyVote.votesFor:6']]);
    run.send(COORD_HEEK, vote('amendment', 6));
    // § 20 Abs. 2 S. 1: the Freiverband notifies the amendment (Anzeige), it is published (§ 20 Abs. 4 → § 11).
    run.send(COORD_HEEK, ZV_AMENDMENT_NOTIFIED);
    // No signatures for a Zweckverband: the assembly amends its statute.
    expect(run.send(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' }).state.context.contract.versions).toHaveLength(2);
  });

  it('§ 20 Abs. 1, 2 und 4 GkG NRW: a member leaves the Zweckverband by amendment of the statute — two thirds, Anzeige, publication', () => {
    const run = zv('2027-02-02T08:00:00Z');
    const t = text(run) as unknown as { costAllocation: { description: string } };
    const withoutSchoeppingen = {
      costAllocation: {
        ...t.costAllocation,
        shares: [
          { municipality: HEEK.ags, percent: 75 },
          { municipality: LEGDEN.ags, percent: 25 },
        ],
      },
    };
    propose(run, { leaving: [SCHOEPPINGEN.ags], ...withoutSchoeppingen });
    expect(run.state.context.contract.pendingAmendment?.leaving).toEqual([SCHOEPPINGEN.ags]);
    const missing = () => unmetOf(run.decide(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' }));
    expect(missing()).toEqual([
      ['OBL-AMENDMENT-RESOLUTIONS', ['assemblyVote']],
      ['OBL-AMENDMENT-SUPERVISORY-STEP', ['supervisoryStep:notification']],
    ]);
    run.send(COORD_HEEK, vote('amendment', 6));
    const { publishedOn: _p, ...unpublished } = ZV_AMENDMENT_NOTIFIED;
    run.send(COORD_HEEK, unpublished);
    expect(missing()).toEqual([['OBL-AMENDMENT-SUPERVISORY-STEP', ['supervisoryStep.publishedOn']]]);
    run.send(COORD_HEEK, ZV_AMENDMENT_NOTIFIED);
    const ctx = run.send(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' }).state.context;
    expect(ctx.members[SCHOEPPINGEN.ags]).toMatchObject({ status: 'left' });
    expect(ctx.members[SCHOEPPINGEN.ags].endReason).toContain('§ 20 GkG NRW');
    expect(ctx.contacts[SCHOEPPINGEN.ags]).toBeUndefined();
    expect(ctx.contract.amendments.at(-1)).toMatchObject({ left: [SCHOEPPINGEN.ags] });
    expect(Object.keys(ctx.timers).filter((k) => k.includes(SCHOEPPINGEN.ags))).toEqual([]);
  });

  it('§ 20 GkG NRW: leaving by amendment is for the Zweckverband only, never the seat, and two members remain', () => {
    const orv = activeAt('2027-02-02T08:00:00Z');
    const errorsOf = (run: OperationRun, leaving: string[]) =>
      rejected(
        run.decide(COORD_HEEK, { type: 'PROPOSE_AMENDMENT', reason: 'Austritt', ...text(run), leaving }),
      ).errors?.filter((e) => e.path.startsWith('leaving'));
    expect(errorsOf(orv, [SCHOEPPINGEN.ags])).toEqual([
      { path: 'leaving', message: { key: 'rules.leavingZweckverbandOnly', params: { field: 'leaving' } } },
    ]);
    const run = zv('2027-02-02T08:00:00Z');
    expect(errorsOf(run, [HEEK.ags])).toEqual([
      { path: 'leaving[0]', message: { key: 'rules.seatCannotLeave', params: { field: 'leaving' } } },
    ]);
    expect(errorsOf(run, [LEGDEN.ags, SCHOEPPINGEN.ags])).toEqual([
      { path: 'leaving', message: { key: 'rules.twoMustRemain', params: { field: 'leaving' } } },
    ]);
  });

  it('§ 20 Abs. 1 S. 2 GkG NRW: a change of the Zweckverband’s tasks needs unanimity', () => {
    const run = zv('2027-02-02T08:00:00Z');
    propose(run, { tasks: [...text(run).tasks, 'Grünpflege'] });
    run.send(COORD_HEEK, vote('amendment', 8));
    expect(unmetOf(run.decide(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' }))).toContainEqual([
      'OBL-AMENDMENT-RESOLUTIONS',
      ['assemblyVote.votesFor:9'],
    ]);
  });

  it('§ 24 Abs. 1 S. 1 GkG NRW: the parties of an ÖrV sign the amended text, each once', () => {
    const run = activeAt('2027-02-02T08:00:00Z');
    propose(run);
    run.send(COORD_LEGDEN, { type: 'SIGN_AMENDMENT', version: 2 });
    expect(rejected(run.decide(COORD_LEGDEN, { type: 'SIGN_AMENDMENT', version: 2 })).detail?.en).toBe(
      'The amended text is already signed.',
    );
    expect(rejected(run.decide(COORD_HEEK, { type: 'SIGN_AMENDMENT', version: 3 })).kind).toBe('invalid');
    expect(unmetOf(run.decide(COORD_HEEK, { type: 'PUT_AMENDMENT_INTO_FORCE' }))).toContainEqual([
      'OBL-AMENDMENT-SIGNED-ALL',
      [`amendmentSignature:${HEEK.ags}`, `amendmentSignature:${SCHOEPPINGEN.ags}`],
    ]);
  });
});
