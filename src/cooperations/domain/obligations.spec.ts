import type { CooperationContext, MemberNotificationRecord } from './cooperation';
import type { CooperationState } from './cooperation-state';
import { decide } from './engine';
import type { LifecycleEvent } from './events';
import { evaluate, supervisoryStep } from './obligations';
import { OBLIGATION_IDS, OBLIGATIONS, type ObligationId } from './obligations.catalog';
import {
  ACTIVE_STATE,
  CONTRACT_DRAFT,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
  LEGDEN,
  LOI_DRAFT,
  SCHOEPPINGEN,
} from '../../../test/fixtures/building-yard.scenario';
import { accept, stateBefore } from '../../../test/fixtures/run-scenario';

const HEEK_AGS = HEEK.ags;
const LEGDEN_AGS = LEGDEN.ags;
const SCHOEPPINGEN_AGS = SCHOEPPINGEN.ags;

type Exit = { step: string; event: LifecycleEvent };
const EXITS = {
  partnerSearch: { step: 'start-letter-of-intent', event: { type: 'START_LETTER_OF_INTENT' } },
  letterOfIntent: { step: 'adopt-loi', event: { type: 'ADOPT_LOI' } },
  planning: { step: 'start-contract', event: { type: 'START_CONTRACT' } },
  contract: { step: 'put-into-force', event: { type: 'PUT_INTO_FORCE' } },
} satisfies Record<string, Exit>;

const withContext = (state: CooperationState, change: (ctx: CooperationContext) => void): CooperationState => {
  const copy = structuredClone(state);
  change(copy.context);
  return copy;
};

/** For each obligation: one change to the otherwise complete scenario that breaks exactly it. */
type PhaseExitObligation = Exclude<
  ObligationId,
  | 'OBL-REPORT-CRITERIA'
  | 'OBL-AMENDMENT-RESOLUTIONS'
  | 'OBL-AMENDMENT-SUPERVISORY-STEP'
  | 'OBL-AMENDMENT-SIGNED-ALL'
  | 'OBL-EXIT-ULTIMA-RATIO'
  | 'OBL-EXIT-PLAN'
  | 'OBL-EXIT-FORM-STEP'
  | 'OBL-DISSOLUTION-RESOLUTIONS'
  | 'OBL-WINDING-UP'
>;

/** The obligations of the phases before `active` (operation-phase ones: operation-phase.spec.ts). */
const BREAKERS: Record<PhaseExitObligation, { change: (ctx: CooperationContext) => void; missing: string[] }> = {
  'OBL-PARTNERS-MIN': {
    change: (ctx) => {
      for (const ags of [LEGDEN_AGS, SCHOEPPINGEN_AGS]) {
        ctx.members[ags].status = 'left';
        delete ctx.contacts[ags];
      }
    },
    missing: ['acceptedPartner'],
  },
  'OBL-CONTACT-AUTHORITY': {
    change: (ctx) => {
      delete ctx.contacts[LEGDEN_AGS];
      ctx.contacts[SCHOEPPINGEN_AGS].authority.scope = ' ';
    },
    missing: [`contact:${LEGDEN_AGS}`, `contact.authority:${SCHOEPPINGEN_AGS}`],
  },
  'OBL-LOI-CONTENT': {
    change: (ctx) => {
      const loi = ctx.loi.versions[0];
      loi.expectations = '';
      loi.resources = loi.resources.filter((r) => r.municipality !== SCHOEPPINGEN_AGS);
      loi.resources[1].personnel = {};
    },
    missing: ['expectations', `resources.personnel:${LEGDEN_AGS}`, `resources:${SCHOEPPINGEN_AGS}`],
  },
  'OBL-SUCCESS-CRITERIA': {
    change: (ctx) => void (ctx.loi.versions[0].successCriteria = []),
    missing: ['successCriterion'],
  },
  'OBL-LOI-SIGNED-ALL': {
    change: (ctx) => void (ctx.loi.signatures = ctx.loi.signatures.filter((s) => s.municipality !== LEGDEN_AGS)),
    missing: [`signature:${LEGDEN_AGS}`],
  },
  'OBL-STEERING-BODY': {
    change: (ctx) => {
      const body = ctx.governance.steeringBody!;
      body.members = body.members.filter((m) => m.municipality !== SCHOEPPINGEN_AGS);
    },
    missing: [`steeringBody.member:${SCHOEPPINGEN_AGS}`],
  },
  'OBL-REPORTING-DUTIES': {
    change: (ctx) => {
      const duty = ctx.governance.reporting!.duties[0];
      duty.contents = duty.contents.filter((c) => !c.startsWith('Vertretungsquote'));
    },
    missing: ['reportingContent:Vertretungsquote bei Personalausfall'],
  },
  'OBL-CONFLICT-PROCEDURE': {
    change: (ctx) => {
      const levels = ctx.contract.versions[0].conflictProcedure!.levels;
      ctx.contract.versions[0].conflictProcedure!.levels = [
        { ...levels[0], responseDeadline: { amount: 0, unit: 'calendar-days' } },
      ];
    },
    missing: ['conflictProcedure.levels[0].responseDeadline', 'conflictProcedure.escalationBodyOrMediator'],
  },
  'OBL-EXIT-TERMS': {
    change: (ctx) => {
      const terms = ctx.contract.versions[0].exitTerms!;
      delete terms.noticePeriod;
      terms.staff = '';
      delete terms.vehiclesAndEquipment;
    },
    missing: ['exitTerms.noticePeriod', 'exitTerms.staff', 'exitTerms.vehiclesAndEquipment'],
  },
  'OBL-COUNCIL-RESOLUTION': {
    change: (ctx) =>
      void (ctx.contract.councilResolutions = ctx.contract.councilResolutions.filter(
        (r) => r.municipality !== LEGDEN_AGS,
      )),
    missing: [`councilResolution:${LEGDEN_AGS}`],
  },
  'OBL-SUPERVISORY-STEP': {
    change: (ctx) => void (ctx.contract.supervisoryStep!.authority = 'Bezirksregierung Münster'),
    missing: ['supervisoryStep.authority:Landrat des Kreises Borken'],
  },
  'OBL-CONTRACT-SIGNED-ALL': {
    change: (ctx) =>
      void (ctx.contract.signatures = ctx.contract.signatures.filter((s) => s.municipality !== SCHOEPPINGEN_AGS)),
    missing: [`signature:${SCHOEPPINGEN_AGS}`],
  },
};

const PHASE_EXIT_IDS = OBLIGATION_IDS.filter((id): id is PhaseExitObligation => id in BREAKERS);

it('covers every obligation guarding a phase exit before active', () => {
  expect(PHASE_EXIT_IDS).toHaveLength(12);
  for (const id of OBLIGATION_IDS.filter((x) => !(x in BREAKERS))) {
    expect(['active', 'dissolving']).toContain(OBLIGATIONS[id].phase);
  }
});

describe.each(PHASE_EXIT_IDS.map((id) => [id]))('%s', (id) => {
  const exit = EXITS[OBLIGATIONS[id].phase as keyof typeof EXITS];
  const { state, at } = stateBefore(exit.step);

  it('blocks the phase exit, named as the only unmet obligation with what is missing', () => {
    const d = decide(withContext(state, BREAKERS[id].change), exit.event, COORD_HEEK, at);
    expect(d).toMatchObject({ ok: false, kind: 'obligations-unmet' });
    expect(d.ok ? [] : d.unmet).toEqual([{ id, met: false, missing: BREAKERS[id].missing }]);
  });

  it('is satisfied by the complete scenario, and reported as met', () => {
    const d = accept(decide(state, exit.event, COORD_HEEK, at));
    expect(d.obligations).toContainEqual({ id, met: true, missing: [] });
  });
});

describe('obligations driven through events', () => {
  it('an LoI with an empty resources section blocks adoption although everyone signed it', () => {
    const before = stateBefore('adopt-loi');
    let state = before.state;
    const at = before.at;
    const steps: Array<[typeof COORD_HEEK, LifecycleEvent]> = [
      [COORD_HEEK, { ...LOI_DRAFT, resources: [] }],
      [COORD_HEEK, { type: 'SIGN_LOI', version: 2 }],
      [COORD_LEGDEN, { type: 'SIGN_LOI', version: 2 }],
      [COORD_SCHOEPPINGEN, { type: 'SIGN_LOI', version: 2 }],
    ];
    for (const [actor, event] of steps) state = accept(decide(state, event, actor, at)).state;
    const d = decide(state, { type: 'ADOPT_LOI' }, COORD_HEEK, at);
    expect(d.ok ? [] : d.unmet).toEqual([
      {
        id: 'OBL-LOI-CONTENT',
        met: false,
        missing: ['resources:05554024', 'resources:05554036', 'resources:05554052'],
      },
    ]);
  });

  it('a new LoI draft voids all signatures', () => {
    const { state, at } = stateBefore('adopt-loi');
    const redrafted = accept(decide(state, { ...LOI_DRAFT, goals: ['Ein Ziel'] }, COORD_HEEK, at)).state;
    expect(redrafted.context.loi.signatures).toEqual([]);
    const d = decide(redrafted, { type: 'ADOPT_LOI' }, COORD_HEEK, at);
    expect(d.ok ? [] : d.unmet!.map((u) => [u.id, u.missing])).toEqual([
      ['OBL-LOI-SIGNED-ALL', ['signature:05554024', 'signature:05554036', 'signature:05554052']],
    ]);
  });

  it('a new contract draft voids signatures, council resolutions and the supervisory step', () => {
    const { state, at } = stateBefore('put-into-force');
    const d0 = accept(decide(state, { type: 'PUT_INTO_FORCE' }, COORD_HEEK, at));
    expect(d0.stateAfter).toBe(ACTIVE_STATE);
    const redrafted = accept(decide(state, { ...CONTRACT_DRAFT, tasks: ['Winterdienst'] }, COORD_HEEK, at)).state;
    const d = decide(redrafted, { type: 'PUT_INTO_FORCE' }, COORD_HEEK, at);
    expect(d.ok ? [] : d.unmet!.map((u) => u.id)).toEqual([
      'OBL-COUNCIL-RESOLUTION',
      'OBL-SUPERVISORY-STEP',
      'OBL-CONTRACT-SIGNED-ALL',
    ]);
  });

  it('evaluate reports every obligation asked for, in the order asked', () => {
    const { state, at } = stateBefore('invite-legden');
    const results = evaluate(['OBL-CONTRACT-SIGNED-ALL', 'OBL-PARTNERS-MIN'], state.context, at);
    expect(results).toEqual([
      { id: 'OBL-CONTRACT-SIGNED-ALL', met: false, missing: ['contract'] },
      { id: 'OBL-PARTNERS-MIN', met: false, missing: ['acceptedPartner'] },
    ]);
  });
});

describe('OBL-SUPERVISORY-STEP in detail', () => {
  const { state } = stateBefore('put-into-force');
  const step = state.context.contract.supervisoryStep!;
  const check = (change: (ctx: CooperationContext) => void, now: string) =>
    supervisoryStep(withContext(state, change).context, new Date(now)).missing;
  const asStep = (s: Partial<typeof step>) => (ctx: CooperationContext) =>
    void (ctx.contract.supervisoryStep = {
      ...step,
      approvedOn: undefined,
      publishedOn: undefined,
      ...s,
    });

  it('needs a recorded step, of the right kind', () => {
    expect(check((ctx) => void (ctx.contract.supervisoryStep = null), '2026-09-01T10:00:00Z')).toEqual([
      'supervisoryStep:approval',
    ]);
    expect(check(asStep({ kind: 'notification', publishedOn: '2026-08-14' }), '2026-09-01T10:00:00Z')).toEqual([
      'supervisoryStep.kind:approval',
      'supervisoryStep.approvedOn',
    ]);
  });

  it('takes effect from the day after publication', () => {
    expect(check(() => undefined, '2026-08-14T12:00:00Z')).toEqual(['supervisoryStep.inForceFrom:2026-08-15']);
    expect(check(() => undefined, '2026-08-14T22:30:00Z')).toEqual([]); // already 15 Aug in Germany
    expect(check(asStep({ approvedOn: '2026-07-28' }), '2026-09-01T10:00:00Z')).toEqual([
      'supervisoryStep.publishedOn',
    ]);
  });

  it('§ 24 Abs. 2 GkG NRW: deemed approval the day after four weeks of silence (§§ 187, 188 BGB), claimed by the parties', () => {
    const deemed = asStep({ deemedApproval: true, submittedOn: '2026-07-06', publishedOn: '2026-08-14' });
    expect(check(deemed, '2026-08-17T10:00:00Z')).toEqual([]);
    // Received Mon 27 Jul: four weeks end Mon 24 Aug, the fiction applies from 25 Aug.
    const tooEarly = asStep({ deemedApproval: true, submittedOn: '2026-07-27', publishedOn: '2026-08-14' });
    expect(check(tooEarly, '2026-08-17T10:00:00Z')).toEqual(['supervisoryStep.deemedApprovalOn:2026-08-25']);
    const unclaimed = asStep({ objectedOn: '2026-07-20', publishedOn: '2026-08-14' });
    expect(check(unclaimed, '2026-09-01T10:00:00Z')).toEqual(['supervisoryStep.approvedOn']);
  });

  it('§ 24 Abs. 2 GkG NRW: concerns in time extend by a further four weeks (§ 190 BGB); a discussion alone does not', () => {
    const concerns = asStep({
      deemedApproval: true,
      submittedOn: '2026-07-06',
      objectedOn: '2026-07-20',
      publishedOn: '2026-08-14',
    });
    // First period ends Mon 3 Aug, the further one Mon 31 Aug: deemed from 1 Sep.
    expect(check(concerns, '2026-08-17T10:00:00Z')).toEqual(['supervisoryStep.deemedApprovalOn:2026-09-01']);
    expect(check(concerns, '2026-09-01T10:00:00Z')).toEqual([]);
    const discussionOnly = asStep({
      deemedApproval: true,
      submittedOn: '2026-07-06',
      discussionScheduledOn: '2026-07-30',
      publishedOn: '2026-08-14',
    });
    expect(check(discussionOnly, '2026-08-17T10:00:00Z')).toEqual([]);
  });

  it('§ 24 Abs. 2 GkG NRW: concerns and a discussion scheduled in time exclude the fiction; a refusal stops it', () => {
    const objection = asStep({
      deemedApproval: true,
      submittedOn: '2026-07-06',
      objectedOn: '2026-07-20',
      discussionScheduledOn: '2026-08-20',
      publishedOn: '2026-09-14',
    });
    expect(check(objection, '2026-10-01T10:00:00Z')).toEqual(['supervisoryStep.approvedOn']);
    const refused = asStep({ submittedOn: '2026-07-06', refusedOn: '2026-07-28', publishedOn: '2026-08-14' });
    expect(check(refused, '2026-09-01T10:00:00Z')).toEqual(['supervisoryStep.refusedOn']);
  });

  it('§ 31 Abs. 3 VwVfG NRW: a period ending on a holiday ends on the next working day', () => {
    // Received Fri 27 Nov 2026: four weeks end Fri 25 Dec (1. Weihnachtstag) → Mon 28 Dec; deemed from 29 Dec.
    const christmas = asStep({ deemedApproval: true, submittedOn: '2026-11-27', publishedOn: '2026-12-29' });
    expect(check(christmas, '2026-12-28T10:00:00Z')).toEqual([
      'supervisoryStep.deemedApprovalOn:2026-12-29',
      'supervisoryStep.inForceFrom:2026-12-30',
    ]);
  });

  it('needs nothing for a kommunale Arbeitsgemeinschaft', () => {
    const arge = (ctx: CooperationContext) => {
      ctx.contract.versions[0].legalForm = 'kommunale-arbeitsgemeinschaft';
      ctx.contract.supervisoryStep = null;
    };
    expect(check(arge, '2026-09-01T10:00:00Z')).toEqual([]);
  });

  it('§ 115 Abs. 1 GO NRW: each member notifies its own authority at the latest six weeks before execution', () => {
    type Notice = Omit<MemberNotificationRecord, 'contractVersion' | 'recordedAt'>;
    const gmbh = (notices: Notice[]) => (ctx: CooperationContext) => {
      ctx.contract.versions[0].legalForm = 'private-law';
      delete ctx.contract.versions[0].variant;
      ctx.contract.supervisoryStep = null;
      ctx.contract.memberNotifications = notices.map((n) => ({ ...n, contractVersion: 1, recordedAt: n.submittedOn }));
    };
    const borken = 'Landrätin oder Landrat des Kreises Borken';
    const all = (day: string) =>
      [HEEK_AGS, LEGDEN_AGS, SCHOEPPINGEN_AGS].map((m) => ({ municipality: m, authority: borken, submittedOn: day }));
    // term.start Fri 1 Jan 2027: the same-named day six weeks earlier is Fri 20 Nov → by Thu 19 Nov.
    expect(check(gmbh(all('2026-11-19')), '2026-11-26T10:00:00Z')).toEqual([]);
    const [heek, legden, schoeppingen] = all('2026-11-19');
    expect(check(gmbh([heek, legden]), '2026-11-26T10:00:00Z')).toEqual([`memberNotification:${SCHOEPPINGEN_AGS}`]);
    const late = { ...legden, submittedOn: '2026-11-20' };
    expect(check(gmbh([heek, late, schoeppingen]), '2026-11-26T10:00:00Z')).toEqual([
      `memberNotification.submittedOn:${LEGDEN_AGS}:2026-11-19`,
    ]);
    // § 115 Abs. 1 S. 3: Legden's authority shortened its period to four weeks.
    const shortened = {
      ...late,
      periodSetByAuthority: {
        amount: 4,
        unit: 'weeks' as const,
        decidedOn: '2026-11-18',
        reference: 'Kreis Borken 10/2026',
      },
    };
    expect(check(gmbh([heek, shortened, schoeppingen]), '2026-11-26T10:00:00Z')).toEqual([]);
    const wrong = { ...schoeppingen, authority: 'Bezirksregierung Münster' };
    expect(check(gmbh([heek, legden, wrong]), '2026-11-26T10:00:00Z')).toEqual([
      `memberNotification.authority:${SCHOEPPINGEN_AGS}:landrat:05554`,
    ]);
  });
});
