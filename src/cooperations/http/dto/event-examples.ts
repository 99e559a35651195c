import type { LifecycleEventType } from '../../domain';

/*
 * One named example per event for the OpenAPI document (`POST …/events`), from the joint building
 * yard of Heek (05554024, lead), Legden (05554036) and Schöppingen (05554052) in Kreis Borken.
 * Each is accepted as it is in the phase its summary names (test/openapi.e2e-spec.ts sends every
 * one); a summary naming a Zweckverband or a GmbH means the yard concluded in that legal form;
 * `caseId` is the id RAISE_CONFLICT answered.
 */

interface Example {
  summary: string;
  value: { type: LifecycleEventType } & Record<string, unknown>;
}

const HEEK = '05554024';
const LEGDEN = '05554036';
const SCHOEPPINGEN = '05554052';
const INDICATORS = [
  'Kosten je km unterhaltener Gemeindestraße',
  'Reaktionszeit Winterdienst (Dringlichkeitsstufe 1)',
  'Vertretungsquote bei Personalausfall',
];
const CASE_ID = '3f1e6d52-8c0a-5b7e-9d4f-2a6c8e1b0f37';

const contact = (name: string, position: string, userSub: string, conferredBy: string) => ({
  type: 'APPOINT_CONTACT' as const,
  name,
  position,
  email: `${userSub}@example.org`,
  userSub,
  authority: {
    conferredBy,
    conferredOn: '2026-01-21',
    scope: 'Verhandlung und Unterzeichnung der Absichtserklärung und der Vereinbarung',
  },
});

/** The agreement's text: drafted once, proposed again (amended) by PROPOSE_AMENDMENT. */
const CONTRACT_TEXT = {
  legalForm: 'oeffentlich-rechtliche-vereinbarung',
  variant: 'mandating',
  seat: HEEK,
  tasks: ['Unterhaltung der Gemeindestraßen', 'Winterdienst'],
  costAllocation: {
    description: 'Kostendeckendes Entgelt nach Straßenkilometern',
    shares: [
      { municipality: HEEK, percent: 50 },
      { municipality: LEGDEN, percent: 25 },
      { municipality: SCHOEPPINGEN, percent: 25 },
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
        name: 'Stufe 2: Vermittlung',
        body: 'Vom Städte- und Gemeindebund NRW benannte Person',
        kind: 'mediator',
        responseDeadline: { amount: 3, unit: 'months' },
      },
    ],
  },
  exitTerms: {
    noticePeriod: { amount: 12, unit: 'months' },
    toEndOf: 'calendar-year',
    earliestDate: '2031-12-31',
    costs: 'Der Ausscheidende trägt die bis dahin entstandenen Kosten.',
    assets: 'Geräte bleiben beim Bauhof.',
    staff: 'Abgeordnete Beschäftigte kehren zurück.',
    it: 'Daten werden exportiert.',
    premises: 'Der Standort Heek bleibt beim Bauhof.',
    vehiclesAndEquipment: 'Eingebrachte Fahrzeuge gehen an die einbringende Gemeinde zurück.',
  },
};

const EXAMPLES: Example[] = [
  {
    summary: 'Partnersuche, Federführung: Legden einladen / partner search, lead: invite Legden',
    value: { type: 'INVITE_PARTNER', municipality: LEGDEN },
  },
  {
    summary: 'Partnersuche, Federführung: Suche veröffentlichen [P3] / partner search, lead: publish the search [P3]',
    value: {
      type: 'PUBLISH_PARTNER_SEARCH',
      lookingFor: 'Nachbargemeinden, die den Bauhof mit uns betreiben: Straßenunterhaltung und Winterdienst',
      districts: ['Kreis Borken'],
      regions: ['Münster'],
      openUntil: '2026-03-31',
    },
  },
  {
    summary: 'Partnersuche veröffentlicht, Federführung / published partner search, lead',
    value: { type: 'CLOSE_PARTNER_SEARCH', reason: 'Mit Legden und Schöppingen sind die Partner gefunden.' },
  },
  {
    summary: 'Partnersuche, eingeladene Kommune / partner search, invited municipality',
    value: { type: 'ACCEPT_INVITATION' },
  },
  {
    summary: 'Partnersuche, eingeladene Kommune / partner search, invited municipality',
    value: { type: 'DECLINE_INVITATION', reason: 'Der Bauhof wird in eigener Regie neu aufgestellt.' },
  },
  {
    summary: 'Partnersuche, Federführung / partner search, lead',
    value: { type: 'WITHDRAW_INVITATION', municipality: SCHOEPPINGEN },
  },
  {
    summary: 'Partnersuche, Partner / partner search, partner',
    value: { type: 'LEAVE_PARTNER_SEARCH', reason: 'Der Gemeinderat hat sich gegen eine Zusammenarbeit entschieden.' },
  },
  {
    summary: 'Partnersuche, Heek benennt seine Ansprechperson / partner search: Heek appoints its contact',
    value: contact('Anna Brüning', 'Fachbereichsleiterin Bauen', 'coord-heek', 'Bürgermeister der Gemeinde Heek'),
  },
  {
    summary:
      'Partnersuche, die von einer anderen Person benannte Ansprechperson selbst / partner search, the person another coordinator appointed',
    value: { type: 'CONFIRM_CONTACT_APPOINTMENT' },
  },
  {
    summary: 'Partnersuche, alle Ansprechpersonen benannt / partner search, every contact appointed',
    value: { type: 'START_LETTER_OF_INTENT' },
  },
  {
    summary: 'Absichtserklärung, Federführung / letter of intent, lead',
    value: {
      type: 'DRAFT_LOI',
      expectations: 'Gemeinsame Nutzung von Großgeräten, gegenseitige Vertretung im Winterdienst.',
      goals: ['Kosten je km Gemeindestraße in drei Jahren um 10 % senken'],
      responsibilities: [
        { municipality: HEEK, text: 'Betrieb des gemeinsamen Bauhofs am Standort Heek' },
        { municipality: LEGDEN, text: 'Stellt zwei Mitarbeiter und den Radlader' },
        { municipality: SCHOEPPINGEN, text: 'Stellt einen Mitarbeiter und den Unimog' },
      ],
      resources: [HEEK, LEGDEN, SCHOEPPINGEN].map((municipality, i) => ({
        municipality,
        time: { personDays: i === 0 ? 120 : 40, timeline: '18 Monate Aufbau' },
        personnel: { fte: i === 0 ? 0.75 : 0.375, roles: [i === 0 ? 'Projektleitung' : 'Projektmitarbeit'] },
        moneyCents: i === 0 ? 12_000_000 : 6_000_000,
      })),
      successCriteria: [
        { indicator: INDICATORS[0], target: -10, unit: '% gegenüber 2025' },
        { indicator: INDICATORS[1], target: 60, unit: 'Minuten' },
        { indicator: INDICATORS[2], target: 90, unit: '%' },
      ],
    },
  },
  {
    summary: 'Absichtserklärung, Ansprechperson der eigenen Kommune / letter of intent, own contact',
    value: { type: 'SIGN_LOI', version: 1 },
  },
  {
    summary: 'Absichtserklärung, alle haben unterzeichnet / letter of intent, everyone signed',
    value: { type: 'ADOPT_LOI' },
  },
  {
    summary: 'Planung, Federführung / planning, lead',
    value: {
      type: 'DEFINE_STEERING_BODY',
      kind: 'Lenkungsausschuss',
      name: 'Lenkungsausschuss Gemeinsamer Bauhof',
      decisionRule: 'unanimity',
      members: [
        { municipality: HEEK, name: 'Bernd Terhaar', function: 'Allgemeiner Vertreter des Bürgermeisters' },
        { municipality: LEGDEN, name: 'Ulrike Hessing', function: 'Allgemeine Vertreterin der Bürgermeisterin' },
        { municipality: SCHOEPPINGEN, name: 'Markus Overesch', function: 'Allgemeiner Vertreter des Bürgermeisters' },
      ],
    },
  },
  {
    summary: 'Planung, Federführung / planning, lead',
    value: {
      type: 'DEFINE_REPORTING_DUTIES',
      gracePeriodDays: 14,
      duties: [
        {
          reporter: HEEK,
          recipients: ['steering-body', 'all-partners'],
          interval: 'quarterly',
          contents: [...INDICATORS],
        },
      ],
    },
  },
  {
    summary: 'Planung, Lenkungsgremium und Berichtspflichten festgelegt / planning, steering body and duties defined',
    value: { type: 'START_CONTRACT' },
  },
  {
    summary: 'Vertrag, Federführung: öffentlich-rechtliche Vereinbarung / contract, lead: public-law agreement',
    value: { type: 'DRAFT_CONTRACT', ...CONTRACT_TEXT },
  },
  {
    summary: 'Vertrag, jede Kommune: Ratsbeschluss zur Fassung 1 / contract, each municipality: council resolution',
    value: {
      type: 'RECORD_COUNCIL_RESOLUTION',
      version: 1,
      body: 'Rat',
      date: '2026-06-18',
      reference: 'Vorlage 2026/061',
    },
  },
  {
    summary: 'Vertrag, Ansprechperson der eigenen Kommune / contract, own contact',
    value: { type: 'SIGN_CONTRACT', version: 1 },
  },
  {
    summary: 'Vertrag, Federführung: Genehmigung der zuständigen Behörde / contract, lead: approval',
    value: {
      type: 'RECORD_SUPERVISORY_STEP',
      kind: 'approval',
      authority: 'Landrat des Kreises Borken',
      submittedOn: '2026-07-06',
      approvedOn: '2026-07-28',
      publishedOn: '2026-08-14',
      gazetteReference: 'Amtsblatt Kreis Borken Nr. 31/2026',
    },
  },
  {
    summary: 'Vertrag, Federführung: alles erfüllt / contract, lead: everything met',
    value: { type: 'PUT_INTO_FORCE' },
  },
  {
    summary:
      'Vertrag einer GmbH (privatrechtlich), jede Kommune: Anzeige bei der eigenen Aufsicht (§ 115 GO NRW) / private-law contract, each municipality: notification',
    value: {
      type: 'RECORD_MEMBER_NOTIFICATION',
      version: 1,
      authority: 'Landrat des Kreises Borken',
      submittedOn: '2026-07-06',
    },
  },
  {
    summary: 'Vor dem Inkrafttreten, Federführung / before entry into force, lead',
    value: {
      type: 'ABANDON',
      reason: 'Die Räte haben den Vertrag abgelehnt; die Kooperation wird nicht weiterverfolgt.',
    },
  },
  {
    summary: 'Betrieb, berichtende Kommune (begonnener Zeitraum) / operation, reporter (period begun)',
    value: {
      type: 'SUBMIT_REPORT',
      period: '2027-Q1',
      narrative: 'Quartalsbericht 2027-Q1: Einsätze, Kosten und Winterdienst im Plan.',
      values: [
        { indicator: INDICATORS[0], value: -3 },
        { indicator: INDICATORS[1], value: 55 },
        { indicator: INDICATORS[2], value: 92 },
      ],
    },
  },
  {
    summary: 'Betrieb, berichtende Kommune: Bericht berichtigen / operation, reporter: correct a report',
    value: {
      type: 'CORRECT_REPORT',
      period: '2027-Q1',
      reason: 'Einsatzstunden im Februar doppelt gezählt',
      narrative: 'Quartalsbericht 2027-Q1 (berichtigt)',
      values: [
        { indicator: INDICATORS[0], value: -2 },
        { indicator: INDICATORS[1], value: 55 },
        { indicator: INDICATORS[2], value: 92 },
      ],
    },
  },
  {
    summary: 'Federführung: eine Empfehlung begründet abbedingen / lead: waive a recommendation with a reason',
    value: {
      type: 'WAIVE_OBLIGATION',
      obligation: 'OBL-EXIT-ULTIMA-RATIO',
      reason: 'Der Austritt beruht auf einer Organisationsentscheidung, nicht auf einem Konflikt',
    },
  },
  {
    summary: 'Betrieb, Partner nach einem Bericht / operation, partner after a report',
    value: { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' },
  },
  {
    summary:
      'Betrieb, jede Kommune: Zustimmung zum Projektregister [P4] / operation, each municipality: register consent [P4]',
    value: { type: 'AGREE_TO_PUBLICATION' },
  },
  {
    summary: 'Betrieb, Kommune nach ihrer Zustimmung / operation, municipality after its agreement',
    value: {
      type: 'REVOKE_PUBLICATION_AGREEMENT',
      reason: 'Der Rat möchte die Veröffentlichung erst nach der Evaluation.',
    },
  },
  {
    summary: 'Betrieb, benannte Ansprechperson selbst / operation, the appointed contact in person',
    value: { type: 'CONSENT_TO_CONTACT_PUBLICATION' },
  },
  {
    summary: 'Betrieb, Ansprechperson nach ihrer Einwilligung / operation, contact after consenting',
    value: { type: 'REVOKE_CONTACT_CONSENT' },
  },
  {
    summary: 'Betrieb, Federführung: Änderung der Vereinbarung / operation, lead: amend the agreement',
    value: {
      type: 'PROPOSE_AMENDMENT',
      reason: 'Die Grünpflege an den Gemeindestraßen wird in die Vereinbarung aufgenommen.',
      ...CONTRACT_TEXT,
      tasks: [...CONTRACT_TEXT.tasks, 'Grünpflege an den Gemeindestraßen'],
    },
  },
  {
    summary: 'Betrieb, offene Änderung (Fassung 2): Ansprechperson der eigenen Kommune / open amendment, own contact',
    value: { type: 'SIGN_AMENDMENT', version: 2 },
  },
  {
    summary: 'Betrieb, offene Änderung: Federführung / open amendment, lead',
    value: { type: 'WITHDRAW_AMENDMENT', reason: 'Der Rat der Gemeinde Legden hat die Änderung abgelehnt.' },
  },
  {
    summary:
      'Betrieb, Änderung beschlossen, unterzeichnet, genehmigt und bekannt gemacht: Federführung / amendment resolved, signed, approved, published: lead',
    value: { type: 'PUT_AMENDMENT_INTO_FORCE' },
  },
  {
    summary: 'Betrieb, Partner / operation, partner',
    value: {
      type: 'RAISE_CONFLICT',
      subject: 'Kostenverteilung Winterdienst',
      description: 'Legden bestreitet die Abrechnung der Einsatzstunden.',
      parties: [HEEK],
    },
  },
  {
    summary: 'Betrieb, Lenkungsgremium (steering-board), caseId aus RAISE_CONFLICT / board, caseId from RAISE_CONFLICT',
    value: {
      type: 'RESOLVE_CASE',
      caseId: CASE_ID,
      decision: 'Die Einsatzstunden werden nach Fahrtenbuch abgerechnet.',
    },
  },
  {
    summary: 'Betrieb, Lenkungsgremium (steering-board) / operation, steering board',
    value: { type: 'ESCALATE_CASE', caseId: CASE_ID, reason: 'Keine Einigung im Lenkungsausschuss.' },
  },
  {
    summary: 'Betrieb, Gremium der letzten Stufe (steering-board) / operation, body of the last level',
    value: { type: 'DECLARE_CASE_FAILED', caseId: CASE_ID, reason: 'Die Vermittlung ist ohne Einigung beendet.' },
  },
  {
    summary: 'Betrieb, ausscheidender Partner / operation, leaving partner',
    value: {
      type: 'REQUEST_EXIT',
      reasons: 'Eigene Aufgabenerfüllung ist wirtschaftlicher.',
      conflictProcedureNotApplicable: 'Kein Konflikt: Schöppingen ändert seine Organisationsentscheidung.',
      exitPlan: {
        organisation: 'Eigener Bauhof im Fachbereich Bauen ab dem Ausscheiden.',
        staffCapacityAndExpertise: 'Rückkehr des abgeordneten Mitarbeiters; zwei Neueinstellungen.',
        it: 'Export der Einsatzdaten; eigene Lizenz der Bauhofsoftware.',
        premises: 'Fahrzeughalle an der Feuerwache Schöppingen.',
        vehiclesAndEquipment: 'Rücknahme des eingebrachten Unimogs.',
      },
      formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: '2026-08-17' },
    },
  },
  {
    summary: 'Betrieb, Partner während der Kündigungsfrist / operation, partner during the notice',
    value: { type: 'RECORD_TERMINATION_RECEIPT', municipality: SCHOEPPINGEN, receivedOn: '2026-08-17' },
  },
  {
    summary:
      'Betrieb, kündigender Partner: Bekanntmachung der Kündigung (§ 24 Abs. 5 GkG NRW) / terminating partner: its publication',
    value: {
      type: 'RECORD_TERMINATION_PUBLICATION',
      publishedOn: '2026-08-17',
      gazetteReference: 'Amtsblatt Kreis Borken Nr. 33/2026',
    },
  },
  {
    summary: 'Betrieb, ausscheidender Partner / operation, leaving partner',
    value: { type: 'WITHDRAW_EXIT_REQUEST', reason: 'Der Rat hat den Austrittsbeschluss aufgehoben.' },
  },
  {
    summary: 'Betrieb, jede Kommune / operation, any municipality',
    value: { type: 'PROPOSE_DISSOLUTION', reason: 'Die Aufgaben gehen an den Kreis über.' },
  },
  {
    summary: 'Betrieb, nach dem Auflösungsvorschlag: jede Kommune / after the proposal: each municipality',
    value: {
      type: 'RECORD_DISSOLUTION_RESOLUTION',
      body: 'Rat',
      date: '2026-08-17',
      reference: 'Vorlage 2026/101',
      agreed: true,
    },
  },
  {
    summary:
      'Zweckverband, nach dem Auflösungsvorschlag: Federführung oder Sitz (§ 20 Abs. 1 GkG NRW) / Zweckverband, after the proposal: lead or seat',
    value: {
      type: 'RECORD_ASSEMBLY_VOTE',
      subject: 'dissolution',
      date: '2026-08-17',
      votesFor: 7,
      statutoryVotes: 9,
      reference: 'Niederschrift der Verbandsversammlung 3/2026, TOP 2',
    },
  },
  {
    summary: 'Auflösung (dissolving), Federführung / dissolving, lead',
    value: {
      type: 'RECORD_WINDING_UP',
      assets: 'Gemeinsam beschaffte Geräte gehen zum Restbuchwert an Heek; Ausgleich an die Partner.',
      staff: 'Die abgeordneten Beschäftigten kehren zu ihren Gemeinden zurück.',
      data: 'Einsatz- und Kostendaten werden an alle Beteiligten exportiert.',
      openObligations: 'Schlussabrechnung durch Heek bis zum 31.03. des Folgejahres.',
    },
  },
];

/** The `examples` of `POST …/events`, by event type. */
export const EVENT_EXAMPLES: Readonly<Record<string, Example>> = Object.fromEntries(
  EXAMPLES.map((e) => [e.value.type, e]),
);
