/*
 * The joint building yard (scenarios.md, case 1) as reusable steps: Heek (lead), Legden and
 * Schöppingen, all Gemeinden in Kreis Borken (Regierungsbezirk Münster), conclude a mandating
 * öffentlich-rechtliche Vereinbarung approved by the Landrat des Kreises Borken.
 * All dates in payloads lie in 2026 before the step's `at`, so the steps are valid both with the
 * given clock (unit tests) and with the real clock of a later e2e run.
 */
import type { Actor } from '../actor';
import type { LifecycleEvent } from '../events';
import type { OpenCooperationInput } from '../lifecycle.machine';
import type { MunicipalityRef } from '../municipality';
import type { ObligationId } from '../obligations.catalog';

export const HEEK: MunicipalityRef = {
  ags: '05554024',
  name: 'Heek',
  kind: 'Gemeinde',
  district: 'Kreis Borken',
  region: 'Münster',
};
export const LEGDEN: MunicipalityRef = { ...HEEK, ags: '05554036', name: 'Legden' };
export const SCHOEPPINGEN: MunicipalityRef = { ...HEEK, ags: '05554052', name: 'Schöppingen' };

export const COORD_HEEK: Actor = { sub: 'coord-heek', role: 'coordinator', municipality: HEEK.ags };
export const COORD_LEGDEN: Actor = {
  sub: 'coord-legden',
  role: 'coordinator',
  municipality: LEGDEN.ags,
};
export const COORD_SCHOEPPINGEN: Actor = {
  sub: 'coord-schoeppingen',
  role: 'coordinator',
  municipality: SCHOEPPINGEN.ags,
};
/** A second coordinator of Legden who is not the appointed contact. */
export const CLERK_LEGDEN: Actor = {
  sub: 'clerk-legden',
  role: 'coordinator',
  municipality: LEGDEN.ags,
};
export const AUDITOR: Actor = { sub: 'audit-gpa', role: 'auditor' };

export const EXPECTED_AUTHORITY = 'Landrat des Kreises Borken';

/** The state string right after entry into force: every region in its initial state. */
export const ACTIVE_STATE = 'active.reporting.onTrack,active.escalation.calm,active.membership.stable';
/** The state value right after entry into force. */
export const ACTIVE_VALUE = { active: { reporting: 'onTrack', escalation: 'calm', membership: 'stable' } };

export const OPENING: { input: OpenCooperationInput; actor: Actor; at: Date } = {
  input: {
    id: '5f0c2a8e-3b7d-4c1e-9a64-2d8f1b6e7c30',
    title: 'Gemeinsamer Bauhof Heek – Legden – Schöppingen',
    fieldOfWork: 'Bauhof',
    motive: 'synergies',
    description:
      'Die Gemeinden Heek, Legden und Schöppingen führen ihre Bauhöfe zusammen: gemeinsame Nutzung von Maschinen, gegenseitige Vertretung im Winterdienst, Betrieb durch die Gemeinde Heek.',
    lead: HEEK,
  },
  actor: COORD_HEEK,
  at: new Date('2026-01-12T08:00:00Z'),
};

export interface ScenarioStep {
  name: string;
  actor: Actor;
  event: LifecycleEvent;
  at: Date;
  /** Dotted state after the step. */
  stateAfter: string;
}

const INDICATORS = {
  cost: 'Kosten je km unterhaltener Gemeindestraße',
  winter: 'Reaktionszeit Winterdienst (Dringlichkeitsstufe 1)',
  cover: 'Vertretungsquote bei Personalausfall',
};

export const LOI_DRAFT: Extract<LifecycleEvent, { type: 'DRAFT_LOI' }> = {
  type: 'DRAFT_LOI',
  expectations:
    'Gemeinsame Nutzung von Großgeräten und Fahrzeugen, gegenseitige Vertretung im Winterdienst und bei Personalausfällen, einheitliche Standards in der Straßenunterhaltung.',
  goals: [
    'Kosten je km unterhaltener Gemeindestraße innerhalb von drei Jahren um 10 % senken',
    'Räumbeginn auf Straßen der Dringlichkeitsstufe 1 spätestens 60 Minuten nach Alarmierung',
    'Vertretung bei Personalausfall in mindestens 90 % der Fälle',
  ],
  responsibilities: [
    {
      municipality: HEEK.ags,
      text: 'Betrieb des gemeinsamen Bauhofs am Standort Heek, Disposition und Einsatzleitung',
    },
    {
      municipality: LEGDEN.ags,
      text: 'Stellt zwei Mitarbeiter für den gemeinsamen Einsatz und bringt den Radlader ein',
    },
    {
      municipality: SCHOEPPINGEN.ags,
      text: 'Stellt einen Mitarbeiter und bringt den Unimog mit Winterdienstausstattung ein',
    },
  ],
  resources: [
    {
      municipality: HEEK.ags,
      time: { personDays: 120, timeline: '18 Monate Aufbauphase (03/2026 bis 08/2027)' },
      personnel: { fte: 0.75, roles: ['Projektleitung', 'Bauhofleitung'] },
      moneyCents: 12_000_000,
    },
    {
      municipality: LEGDEN.ags,
      time: { personDays: 40, timeline: '18 Monate Aufbauphase (03/2026 bis 08/2027)' },
      personnel: { fte: 0.375, roles: ['Projektmitarbeit'] },
      moneyCents: 6_000_000,
    },
    {
      municipality: SCHOEPPINGEN.ags,
      time: { personDays: 40, timeline: '18 Monate Aufbauphase (03/2026 bis 08/2027)' },
      personnel: { fte: 0.375, roles: ['Projektmitarbeit'] },
      moneyCents: 6_000_000,
    },
  ],
  successCriteria: [
    { indicator: INDICATORS.cost, target: -10, unit: '% gegenüber 2025' },
    { indicator: INDICATORS.winter, target: 60, unit: 'Minuten' },
    { indicator: INDICATORS.cover, target: 90, unit: '%' },
  ],
};

export const CONTRACT_DRAFT: Extract<LifecycleEvent, { type: 'DRAFT_CONTRACT' }> = {
  type: 'DRAFT_CONTRACT',
  legalForm: 'oeffentlich-rechtliche-vereinbarung',
  variant: 'mandating',
  seat: HEEK.ags,
  tasks: [
    'Unterhaltung der Gemeindestraßen, Wege und Plätze der Beteiligten',
    'Winterdienst auf den Gemeindestraßen der Beteiligten',
    'Pflege öffentlicher Grünflächen',
  ],
  costAllocation: {
    description:
      'Kostendeckendes Entgelt nach Anteil an den unterhaltenen Straßenkilometern; einmalige Investitionen 50/25/25',
    shares: [
      { municipality: HEEK.ags, percent: 50 },
      { municipality: LEGDEN.ags, percent: 25 },
      { municipality: SCHOEPPINGEN.ags, percent: 25 },
    ],
  },
  term: { start: '2027-01-01', end: null },
  conflictProcedure: {
    levels: [
      {
        name: 'Stufe 1: Lenkungsausschuss',
        body: 'Lenkungsausschuss Gemeinsamer Bauhof',
        kind: 'steering-body',
        responseDeadline: { amount: 28, unit: 'calendar-days' },
      },
      {
        name: 'Stufe 2: Bürgermeisterrunde',
        body: 'Bürgermeisterinnen und Bürgermeister von Heek, Legden und Schöppingen',
        kind: 'escalation-body',
        responseDeadline: { amount: 20, unit: 'working-days' },
      },
      {
        name: 'Stufe 3: Neutrale Vermittlung',
        body: 'Vom Städte- und Gemeindebund NRW benannte Vermittlungsperson',
        kind: 'mediator',
        responseDeadline: { amount: 3, unit: 'months' },
      },
    ],
  },
  exitTerms: {
    noticePeriod: { amount: 12, unit: 'months' },
    toEndOf: 'calendar-year',
    earliestDate: '2031-12-31',
    costs:
      'Der ausscheidende Partner trägt die bis zum Ausscheiden entstandenen Kosten und den Restbuchwert der für ihn beschafften Geräte anteilig.',
    assets: 'Gemeinsam beschaffte Geräte bleiben beim Bauhof; Ausgleich zum Restbuchwert nach Kostenanteil.',
    staff: 'Abgeordnete Beschäftigte kehren zum Ende der Kündigungsfrist zur entsendenden Gemeinde zurück.',
    it: 'Die Daten des Ausscheidenden werden exportiert; Lizenzen der Bauhofsoftware werden anteilig übertragen.',
    premises: 'Der Standort Heek bleibt beim Bauhof; der Ausscheidende hat keine Ansprüche an den Räumlichkeiten.',
    vehiclesAndEquipment:
      'Eingebrachte Fahrzeuge (Radlader Legden, Unimog Schöppingen) gehen an die einbringende Gemeinde zurück.',
  },
};

const day = (iso: string) => new Date(iso);

/** The ordered steps from the opened cooperation to `active`. */
export function buildingYardSteps(): ScenarioStep[] {
  const contact = (name: string, position: string, userSub: string, conferredBy: string, on: string) => ({
    type: 'APPOINT_CONTACT' as const,
    name,
    email: `${userSub}@example.org`,
    position,
    userSub,
    authority: {
      conferredBy,
      conferredOn: on,
      scope:
        'Verhandlung und Unterzeichnung der Absichtserklärung; Unterzeichnung der öffentlich-rechtlichen Vereinbarung nach Ratsbeschluss',
    },
  });
  return [
    {
      name: 'invite-legden',
      actor: COORD_HEEK,
      at: day('2026-01-12T09:00:00Z'),
      stateAfter: 'partnerSearch',
      event: { type: 'INVITE_PARTNER', municipality: LEGDEN },
    },
    {
      name: 'invite-schoeppingen',
      actor: COORD_HEEK,
      at: day('2026-01-12T09:05:00Z'),
      stateAfter: 'partnerSearch',
      event: { type: 'INVITE_PARTNER', municipality: SCHOEPPINGEN },
    },
    {
      name: 'accept-legden',
      actor: COORD_LEGDEN,
      at: day('2026-01-20T10:00:00Z'),
      stateAfter: 'partnerSearch',
      event: { type: 'ACCEPT_INVITATION' },
    },
    {
      name: 'accept-schoeppingen',
      actor: COORD_SCHOEPPINGEN,
      at: day('2026-01-22T10:00:00Z'),
      stateAfter: 'partnerSearch',
      event: { type: 'ACCEPT_INVITATION' },
    },
    {
      name: 'appoint-contact-heek',
      actor: COORD_HEEK,
      at: day('2026-01-23T08:00:00Z'),
      stateAfter: 'partnerSearch',
      event: contact(
        'Anna Brüning',
        'Fachbereichsleiterin Bauen, Planen, Umwelt',
        'coord-heek',
        'Bürgermeister der Gemeinde Heek',
        '2026-01-21',
      ),
    },
    {
      name: 'appoint-contact-legden',
      actor: COORD_LEGDEN,
      at: day('2026-01-26T08:00:00Z'),
      stateAfter: 'partnerSearch',
      event: contact(
        'Thomas Wewers',
        'Leiter des Bauamts',
        'coord-legden',
        'Bürgermeisterin der Gemeinde Legden',
        '2026-01-23',
      ),
    },
    {
      name: 'appoint-contact-schoeppingen',
      actor: COORD_SCHOEPPINGEN,
      at: day('2026-01-27T08:00:00Z'),
      stateAfter: 'partnerSearch',
      event: contact(
        'Katrin Schulze Althoff',
        'Leiterin des Ordnungs- und Bauamts',
        'coord-schoeppingen',
        'Bürgermeister der Gemeinde Schöppingen',
        '2026-01-26',
      ),
    },
    {
      name: 'start-letter-of-intent',
      actor: COORD_HEEK,
      at: day('2026-02-02T08:00:00Z'),
      stateAfter: 'letterOfIntent',
      event: { type: 'START_LETTER_OF_INTENT' },
    },
    {
      name: 'draft-loi',
      actor: COORD_HEEK,
      at: day('2026-02-16T08:00:00Z'),
      stateAfter: 'letterOfIntent',
      event: LOI_DRAFT,
    },
    {
      name: 'sign-loi-heek',
      actor: COORD_HEEK,
      at: day('2026-02-20T08:00:00Z'),
      stateAfter: 'letterOfIntent',
      event: { type: 'SIGN_LOI', version: 1 },
    },
    {
      name: 'sign-loi-legden',
      actor: COORD_LEGDEN,
      at: day('2026-02-24T08:00:00Z'),
      stateAfter: 'letterOfIntent',
      event: { type: 'SIGN_LOI', version: 1 },
    },
    {
      name: 'sign-loi-schoeppingen',
      actor: COORD_SCHOEPPINGEN,
      at: day('2026-02-27T08:00:00Z'),
      stateAfter: 'letterOfIntent',
      event: { type: 'SIGN_LOI', version: 1 },
    },
    {
      name: 'adopt-loi',
      actor: COORD_HEEK,
      at: day('2026-03-02T08:00:00Z'),
      stateAfter: 'planning',
      event: { type: 'ADOPT_LOI' },
    },
    {
      name: 'define-steering-body',
      actor: COORD_HEEK,
      at: day('2026-03-16T08:00:00Z'),
      stateAfter: 'planning',
      event: {
        type: 'DEFINE_STEERING_BODY',
        kind: 'Lenkungsausschuss',
        name: 'Lenkungsausschuss Gemeinsamer Bauhof',
        members: [
          {
            municipality: HEEK.ags,
            name: 'Bernd Terhaar',
            function: 'Allgemeiner Vertreter des Bürgermeisters',
          },
          {
            municipality: LEGDEN.ags,
            name: 'Ulrike Hessing',
            function: 'Allgemeine Vertreterin der Bürgermeisterin',
          },
          {
            municipality: SCHOEPPINGEN.ags,
            name: 'Markus Overesch',
            function: 'Allgemeiner Vertreter des Bürgermeisters',
          },
        ],
        decisionRule: 'unanimity',
      },
    },
    {
      name: 'define-reporting-duties',
      actor: COORD_HEEK,
      at: day('2026-03-16T08:10:00Z'),
      stateAfter: 'planning',
      event: {
        type: 'DEFINE_REPORTING_DUTIES',
        duties: [
          {
            reporter: HEEK.ags,
            recipients: ['steering-body', 'all-partners'],
            interval: 'quarterly',
            contents: [
              INDICATORS.cost,
              INDICATORS.winter,
              INDICATORS.cover,
              'Einsatzstunden je Gemeinde',
              'Kostenentwicklung',
            ],
          },
        ],
        gracePeriodDays: 14,
      },
    },
    {
      name: 'start-contract',
      actor: COORD_HEEK,
      at: day('2026-04-01T08:00:00Z'),
      stateAfter: 'contract',
      event: { type: 'START_CONTRACT' },
    },
    {
      name: 'draft-contract',
      actor: COORD_HEEK,
      at: day('2026-04-20T08:00:00Z'),
      stateAfter: 'contract',
      event: CONTRACT_DRAFT,
    },
    {
      name: 'council-heek',
      actor: COORD_HEEK,
      at: day('2026-06-19T08:00:00Z'),
      stateAfter: 'contract',
      event: {
        type: 'RECORD_COUNCIL_RESOLUTION',
        version: 1,
        body: 'Rat',
        date: '2026-06-18',
        reference: 'Vorlage 2026/061',
      },
    },
    {
      name: 'council-legden',
      actor: COORD_LEGDEN,
      at: day('2026-06-24T08:00:00Z'),
      stateAfter: 'contract',
      event: {
        type: 'RECORD_COUNCIL_RESOLUTION',
        version: 1,
        body: 'Rat',
        date: '2026-06-23',
        reference: 'Drucksache 73/2026',
      },
    },
    {
      name: 'council-schoeppingen',
      actor: COORD_SCHOEPPINGEN,
      at: day('2026-06-26T08:00:00Z'),
      stateAfter: 'contract',
      event: {
        type: 'RECORD_COUNCIL_RESOLUTION',
        version: 1,
        body: 'Rat',
        date: '2026-06-25',
        reference: 'BV 2026/044',
      },
    },
    {
      name: 'sign-contract-heek',
      actor: COORD_HEEK,
      at: day('2026-07-01T08:00:00Z'),
      stateAfter: 'contract',
      event: { type: 'SIGN_CONTRACT', version: 1 },
    },
    {
      name: 'sign-contract-legden',
      actor: COORD_LEGDEN,
      at: day('2026-07-01T09:00:00Z'),
      stateAfter: 'contract',
      event: { type: 'SIGN_CONTRACT', version: 1 },
    },
    {
      name: 'sign-contract-schoeppingen',
      actor: COORD_SCHOEPPINGEN,
      at: day('2026-07-01T10:00:00Z'),
      stateAfter: 'contract',
      event: { type: 'SIGN_CONTRACT', version: 1 },
    },
    {
      name: 'supervisory-step',
      actor: COORD_HEEK,
      at: day('2026-08-17T08:00:00Z'),
      stateAfter: 'contract',
      event: {
        type: 'RECORD_SUPERVISORY_STEP',
        kind: 'approval',
        authority: EXPECTED_AUTHORITY,
        submittedOn: '2026-07-06',
        approvedOn: '2026-07-28',
        publishedOn: '2026-08-14',
        gazetteReference: 'Amtsblatt Kreis Borken Nr. 31/2026',
      },
    },
    {
      name: 'put-into-force',
      actor: COORD_HEEK,
      at: day('2026-08-17T09:00:00Z'),
      stateAfter: ACTIVE_STATE,
      event: { type: 'PUT_INTO_FORCE' },
    },
  ];
}

export interface PrematureEvent {
  /** Send it just before the step with this name. */
  before: string;
  actor: Actor;
  event: LifecycleEvent;
  /** Exactly these obligations are unmet (in this order). */
  unmet: ObligationId[];
}

/** Phase exits tried too early, with exactly the obligations that block them at that point. */
export function buildingYardPrematureEvents(): PrematureEvent[] {
  const start = { type: 'START_LETTER_OF_INTENT' } as const;
  const adopt = { type: 'ADOPT_LOI' } as const;
  const contract = { type: 'START_CONTRACT' } as const;
  const force = { type: 'PUT_INTO_FORCE' } as const;
  return [
    {
      before: 'accept-legden',
      actor: COORD_HEEK,
      event: start,
      unmet: ['OBL-PARTNERS-MIN', 'OBL-CONTACT-AUTHORITY'],
    },
    {
      before: 'appoint-contact-schoeppingen',
      actor: COORD_HEEK,
      event: start,
      unmet: ['OBL-CONTACT-AUTHORITY'],
    },
    {
      before: 'draft-loi',
      actor: COORD_HEEK,
      event: adopt,
      unmet: ['OBL-LOI-CONTENT', 'OBL-SUCCESS-CRITERIA', 'OBL-LOI-SIGNED-ALL'],
    },
    {
      before: 'sign-loi-schoeppingen',
      actor: COORD_HEEK,
      event: adopt,
      unmet: ['OBL-LOI-SIGNED-ALL'],
    },
    {
      before: 'define-steering-body',
      actor: COORD_HEEK,
      event: contract,
      unmet: ['OBL-STEERING-BODY', 'OBL-REPORTING-DUTIES'],
    },
    {
      before: 'define-reporting-duties',
      actor: COORD_HEEK,
      event: contract,
      unmet: ['OBL-REPORTING-DUTIES'],
    },
    {
      before: 'draft-contract',
      actor: COORD_HEEK,
      event: force,
      unmet: [
        'OBL-CONFLICT-PROCEDURE',
        'OBL-EXIT-TERMS',
        'OBL-COUNCIL-RESOLUTION',
        'OBL-SUPERVISORY-STEP',
        'OBL-CONTRACT-SIGNED-ALL',
      ],
    },
    {
      before: 'council-heek',
      actor: COORD_HEEK,
      event: force,
      unmet: ['OBL-COUNCIL-RESOLUTION', 'OBL-SUPERVISORY-STEP', 'OBL-CONTRACT-SIGNED-ALL'],
    },
    {
      before: 'supervisory-step',
      actor: COORD_HEEK,
      event: force,
      unmet: ['OBL-SUPERVISORY-STEP'],
    },
  ];
}
