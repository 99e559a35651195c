/*
 * The joint building yard in operation (issue 5's acceptance story), as data: quarterly reports by
 * Heek from 2027-Q1, the 2030-Q2 report missed → overdue → after the 14-day grace period a case
 * opens by itself → the steering body escalates → the mayors miss their 20 working days → automatic
 * escalation to mediation → mediation fails → Schöppingen requests exit (refused first without an
 * exit plan: OBL-EXIT-PLAN) → 12 months' notice to the end of the calendar year (2031-12-31) →
 * Schöppingen leaves → Heek and Legden continue → dissolved by agreement in 2032.
 *
 * Steps carry their instant; the timer events between them are not steps: a runner fires every
 * timer due before a step's instant first (unit test: `OperationRun`; e2e: the scheduler with an
 * injected clock). Case ids depend on the cooperation's id (`caseIdFor`), so the steps are built
 * for a given id.
 */
import type { Actor } from '../actor';
import { caseIdFor } from '../escalation';
import type { LifecycleEvent } from '../events';
import type { ObligationId } from '../obligations.catalog';
import type { RejectionKind } from '../engine';
import {
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
  LEGDEN,
  LOI_DRAFT,
  SCHOEPPINGEN,
} from './building-yard.scenario';

/** Members of the bodies (role steering-board) of the three municipalities. */
export const BOARD_HEEK: Actor = { sub: 'board-heek', role: 'steering-board', municipality: HEEK.ags };
export const BOARD_LEGDEN: Actor = { sub: 'board-legden', role: 'steering-board', municipality: LEGDEN.ags };
export const BOARD_SCHOEPPINGEN: Actor = {
  sub: 'board-schoeppingen',
  role: 'steering-board',
  municipality: SCHOEPPINGEN.ags,
};
/** A board member of a municipality outside the cooperation. */
export const BOARD_AHAUS: Actor = { sub: 'board-ahaus', role: 'steering-board', municipality: '05554004' };

export type StoryStep =
  | {
      kind: 'send';
      name: string;
      at: Date;
      actor: Actor;
      event: LifecycleEvent;
      /** State string after the step. */
      stateAfter: string;
    }
  | {
      kind: 'refuse';
      name: string;
      at: Date;
      actor: Actor;
      event: LifecycleEvent;
      rejection: RejectionKind;
      /** For obligations-unmet: exactly these. */
      unmet?: ObligationId[];
    }
  | {
      /** Time passes (timers fire); then the state is as given. */
      kind: 'checkpoint';
      name: string;
      at: Date;
      stateAfter: string;
    };

const A = 'active.reporting.onTrack';
const OVERDUE = 'active.reporting.overdue';
const CALM = 'active.escalation.calm';
const OPEN = 'active.escalation.casesOpen';
const STABLE = 'active.membership.stable';
const EXIT = 'active.membership.exitPending';
const s = (...parts: string[]) => parts.join(',');

export const EXIT_PLAN_SCHOEPPINGEN = {
  organisation:
    'Wiederaufbau eines eigenen Bauhofs im Fachbereich Bauen; Leitung durch einen Bauhofmeister ab 01.01.2032.',
  staffCapacityAndExpertise:
    'Rückkehr des abgeordneten Mitarbeiters; zwei Neueinstellungen (Straßenwärter) im Herbst 2031; Winterdienstschulung durch den Kreis Borken.',
  it: 'Export der Einsatz- und Kostendaten aus der Bauhofsoftware; eigene Lizenz ab 2032.',
  premises: 'Nutzung der Fahrzeughalle an der Feuerwache Schöppingen (Umbau 2031).',
  vehiclesAndEquipment:
    'Rücknahme des eingebrachten Unimogs; Kauf eines Kleintraktors und eines Streuautomaten (Haushalt 2031).',
};

const quarterOf = (year: number, q: number) => `${year}-Q${q}`;
const lastMonthDay = (year: number, q: number) => `${year}-${String(q * 3).padStart(2, '0')}-20`;

function reportValues(i: number) {
  const [cost, winter, cover] = LOI_DRAFT.successCriteria;
  return [
    { indicator: cost.indicator, value: -2 - (i % 7) },
    { indicator: winter.indicator, value: 75 - (i % 15) },
    { indicator: cover.indicator, value: 80 + (i % 10) },
    {
      indicator: 'Einsatzstunden je Gemeinde',
      value: 1450 + 10 * i,
      comment: 'Heek 50 %, Legden 25 %, Schöppingen 25 %',
    },
  ];
}

/** The story from entry into force (state `active` on 2026-08-17) to `dissolved`. */
export function operationPhaseStory(cooperationId: string): StoryStep[] {
  const steps: StoryStep[] = [];
  const case1 = caseIdFor(cooperationId, 1);
  const at = (iso: string) => new Date(iso);
  let schoeppingenActive = true;

  steps.push({
    kind: 'refuse',
    name: 'report-for-a-period-that-has-not-started',
    at: at('2027-01-11T08:00:00Z'),
    actor: COORD_HEEK,
    event: { type: 'SUBMIT_REPORT', period: '2027-Q2', narrative: 'Vorab', values: reportValues(0) },
    rejection: 'invalid',
  });

  let i = 0;
  for (let year = 2027; year <= 2032; year++) {
    for (let q = 1; q <= 4; q++) {
      if (year === 2032 && q > 1) break;
      const period = quarterOf(year, q);
      const late = period === '2030-Q2';
      const submittedOn = late ? '2030-07-25' : lastMonthDay(year, q);
      if (late) {
        steps.push({
          kind: 'checkpoint',
          name: '2030-Q2-overdue',
          at: at('2030-07-02T08:00:00Z'),
          stateAfter: s(OVERDUE, CALM, STABLE),
        });
        steps.push({
          kind: 'checkpoint',
          name: 'case-opened-automatically',
          at: at('2030-07-15T08:00:00Z'),
          stateAfter: s(OVERDUE, OPEN, STABLE),
        });
      }
      if (year === 2032) schoeppingenActive = false;
      steps.push({
        kind: 'send',
        name: `report-${period}`,
        at: at(`${submittedOn}T08:00:00Z`),
        actor: COORD_HEEK,
        event: {
          type: 'SUBMIT_REPORT',
          period,
          narrative: `Quartalsbericht ${period}: Einsätze, Kosten und Winterdienst im Plan.`,
          values: reportValues(i),
        },
        stateAfter: '',
      });
      const partners = schoeppingenActive ? [COORD_LEGDEN, COORD_SCHOEPPINGEN] : [COORD_LEGDEN];
      for (const [k, actor] of partners.entries())
        steps.push({
          kind: 'send',
          name: `acknowledge-${period}-${actor.municipality}`,
          at: at(`${submittedOn}T${String(10 + k).padStart(2, '0')}:00:00Z`),
          actor,
          event: { type: 'ACKNOWLEDGE_REPORT', period },
          stateAfter: '',
        });
      i++;
      if (period === '2030-Q2') steps.push(...conflictAndExit(case1));
    }
  }

  steps.push(
    {
      kind: 'checkpoint',
      name: 'two-partners-continue',
      at: at('2032-04-01T08:00:00Z'),
      stateAfter: s(A, CALM, STABLE),
    },
    {
      kind: 'send',
      name: 'propose-dissolution',
      at: at('2032-04-15T08:00:00Z'),
      actor: COORD_LEGDEN,
      event: {
        type: 'PROPOSE_DISSOLUTION',
        reason:
          'Nach dem Ausscheiden Schöppingens trägt die Kooperation zu zweit nicht mehr; Legden übergibt die Aufgaben vertraglich an Heek.',
      },
      stateAfter: s(A, CALM, STABLE),
    },
    {
      kind: 'send',
      name: 'dissolution-resolution-heek',
      at: at('2032-05-12T08:00:00Z'),
      actor: COORD_HEEK,
      event: {
        type: 'RECORD_DISSOLUTION_RESOLUTION',
        body: 'Rat',
        date: '2032-05-11',
        reference: 'Vorlage 2032/044',
        agreed: true,
      },
      stateAfter: s(A, CALM, STABLE),
    },
    {
      kind: 'send',
      name: 'dissolution-resolution-legden',
      at: at('2032-05-20T08:00:00Z'),
      actor: COORD_LEGDEN,
      event: {
        type: 'RECORD_DISSOLUTION_RESOLUTION',
        body: 'Rat',
        date: '2032-05-19',
        reference: 'Drucksache 41/2032',
        agreed: true,
      },
      stateAfter: 'dissolving',
    },
    {
      kind: 'refuse',
      name: 'no-reports-while-dissolving',
      at: at('2032-06-10T08:00:00Z'),
      actor: COORD_HEEK,
      event: { type: 'SUBMIT_REPORT', period: '2032-Q2', narrative: 'x', values: reportValues(i) },
      rejection: 'event-not-allowed',
    },
    {
      kind: 'refuse',
      name: 'winding-up-incomplete',
      at: at('2032-06-29T08:00:00Z'),
      actor: COORD_HEEK,
      event: { type: 'RECORD_WINDING_UP', assets: 'Geräte gehen an Heek', staff: '', data: 'Export an Legden' },
      rejection: 'obligations-unmet',
      unmet: ['OBL-WINDING-UP'],
    },
    {
      kind: 'send',
      name: 'winding-up',
      at: at('2032-06-30T08:00:00Z'),
      actor: COORD_HEEK,
      event: {
        type: 'RECORD_WINDING_UP',
        assets: 'Gemeinsam beschaffte Geräte gehen zum Restbuchwert an Heek; Ausgleich an Legden bis 30.09.2032.',
        staff: 'Die abgeordneten Mitarbeiter Legdens kehren zum 01.07.2032 zurück.',
        data: 'Einsatz- und Kostendaten werden an Legden exportiert; gemeinsame Daten werden nach 10 Jahren gelöscht.',
        openObligations:
          'Schlussabrechnung 2032 bis 31.03.2033 durch Heek; Verwendungsnachweis Förderung bis 30.06.2033.',
      },
      stateAfter: 'dissolved',
    },
    {
      kind: 'refuse',
      name: 'nothing-after-dissolved',
      at: at('2032-07-01T08:00:00Z'),
      actor: COORD_LEGDEN,
      event: { type: 'PROPOSE_DISSOLUTION', reason: 'x' },
      rejection: 'event-not-allowed',
    },
  );
  return fillStates([...steps].sort((a, b) => a.at.getTime() - b.at.getTime()));
}

function conflictAndExit(case1: string): StoryStep[] {
  const at = (iso: string) => new Date(iso);
  return [
    {
      kind: 'refuse',
      name: 'coordinator-cannot-decide-case',
      at: at('2030-08-01T08:00:00Z'),
      actor: COORD_LEGDEN,
      event: { type: 'ESCALATE_CASE', caseId: case1, reason: 'x' },
      rejection: 'forbidden',
    },
    {
      kind: 'refuse',
      name: 'board-of-another-cooperation-cannot-decide-case',
      at: at('2030-08-01T08:30:00Z'),
      actor: BOARD_AHAUS,
      event: { type: 'ESCALATE_CASE', caseId: case1, reason: 'x' },
      rejection: 'forbidden',
    },
    {
      kind: 'send',
      name: 'steering-body-escalates',
      at: at('2030-08-05T14:00:00Z'),
      actor: BOARD_LEGDEN,
      event: {
        type: 'ESCALATE_CASE',
        caseId: case1,
        reason:
          'Der Lenkungsausschuss konnte sich nicht auf Konsequenzen aus dem verspäteten Bericht und die Kostenabweichung einigen.',
      },
      stateAfter: s(A, OPEN, STABLE),
    },
    {
      kind: 'checkpoint',
      name: 'mayors-missed-deadline-mediation',
      at: at('2030-09-05T08:00:00Z'),
      stateAfter: s(A, OPEN, STABLE),
    },
    {
      kind: 'send',
      name: 'mediation-fails',
      at: at('2030-11-25T15:00:00Z'),
      actor: BOARD_SCHOEPPINGEN,
      event: {
        type: 'DECLARE_CASE_FAILED',
        caseId: case1,
        reason: 'Die Vermittlung durch den Städte- und Gemeindebund NRW ist ohne Einigung beendet worden.',
      },
      stateAfter: s(A, CALM, STABLE),
    },
    {
      kind: 'refuse',
      name: 'exit-without-plan',
      at: at('2030-12-10T08:00:00Z'),
      actor: COORD_SCHOEPPINGEN,
      event: {
        type: 'REQUEST_EXIT',
        reasons: 'Dauerhafter Dissens über Kostenverteilung und Berichtswesen.',
        escalationCaseId: case1,
        formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2030-12-09' },
      },
      rejection: 'obligations-unmet',
      unmet: ['OBL-EXIT-PLAN'],
    },
    {
      kind: 'send',
      name: 'exit-requested',
      at: at('2030-12-10T09:00:00Z'),
      actor: COORD_SCHOEPPINGEN,
      event: {
        type: 'REQUEST_EXIT',
        reasons: 'Dauerhafter Dissens über Kostenverteilung und Berichtswesen.',
        escalationCaseId: case1,
        exitPlan: EXIT_PLAN_SCHOEPPINGEN,
        formSpecificStep: {
          authority: 'Landrat des Kreises Borken',
          notifiedOn: '2030-12-09',
          publishedOn: '2030-12-09',
          gazetteReference: 'Amtsblatt Kreis Borken Nr. 48/2030',
        },
      },
      stateAfter: s(A, CALM, EXIT),
    },
    {
      kind: 'checkpoint',
      name: 'notice-still-running',
      at: at('2031-12-31T22:00:00Z'),
      stateAfter: s(A, CALM, EXIT),
    },
    {
      kind: 'checkpoint',
      name: 'schoeppingen-left',
      at: at('2031-12-31T23:00:00Z'),
      stateAfter: s(A, CALM, STABLE),
    },
  ];
}

/** Steps in time order; report steps get the state of the step before (not typed by hand). */
function fillStates(steps: StoryStep[]): StoryStep[] {
  let current = s(A, CALM, STABLE);
  return steps.map((step) => {
    if (step.kind === 'refuse') return step;
    if (step.stateAfter === '') {
      // A report clears the overdue flag; acknowledgements change nothing.
      if (step.kind === 'send' && step.event.type === 'SUBMIT_REPORT') current = current.replace(OVERDUE, A);
      return { ...step, stateAfter: current };
    }
    current = step.stateAfter;
    return step;
  });
}
