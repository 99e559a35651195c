import {
  about,
  ags,
  array,
  bool,
  date,
  event,
  type Infer,
  int,
  num,
  object,
  oneOf,
  optional,
  PER_COOPERATION_ITEMS,
  str,
  text,
} from '../schema';
import { councilSession } from './contract.events';

// ---- reporting [P6, P8] ----------------------------------------------------------------------

const period = about(
  text(40),
  'Berichtszeitraum: seine Bezeichnung (2027-Q1, 2027-03, 2027-H1, 2027 oder <Beginn>/P3M) oder sein Anfangsdatum',
  "The period's label (2027-Q1, 2027-03, 2027-H1, 2027, or <start>/P3M) or its start date",
  '2027-Q1',
);

export const reportValue = object(
  {
    indicator: about(
      text(500),
      'Ein Indikator der Erfolgskriterien (oder ein weiterer Inhalt der Pflicht)',
      'A success-criterion indicator (or a further content of the duty)',
      'Kosten je km unterhaltener Gemeindestraße',
    ),
    value: about(num(), 'Gemessener Wert', 'Measured value', -4.5),
    comment: about(optional(str({ max: 2000 })), 'Anmerkung', 'Comment'),
  },
  'ReportValue',
);

/**
 * A coordinator of the duty's reporter submits the report for a period that has started. One value
 * for every success criterion of the LoI (OBL-REPORT-CRITERIA). Once per period.
 */
export const submitReport = event(
  'SUBMIT_REPORT',
  {
    period,
    narrative: about(text(), 'Bericht in Worten', 'Narrative report'),
    values: about(
      array(reportValue, { max: PER_COOPERATION_ITEMS }),
      'Ein Wert für jedes Erfolgskriterium der Absichtserklärung',
      'One value for every success criterion of the LoI',
    ),
  },
  'Die berichtspflichtige Kommune reicht den Bericht für einen begonnenen Zeitraum ein [P8].',
  'The reporting municipality submits the report for a period that has started [P8].',
);

/** A coordinator of a partner other than the reporter confirms receipt ("inform each other" [P6]). */
export const acknowledgeReport = event(
  'ACKNOWLEDGE_REPORT',
  {
    period,
    reporter: about(
      optional(ags),
      'Nur nötig, wenn mehrere Berichtende einen Zeitraum dieser Bezeichnung haben',
      'Only when several reporters have a period with this label',
      '05554024',
    ),
  },
  'Eine andere Partnerkommune bestätigt den Eingang eines Berichts [P6].',
  'A partner other than the reporter acknowledges a report [P6].',
);

// ---- escalation [P6] -------------------------------------------------------------------------

export const caseId = about(text(100), 'Die Kennung (UUID) des Konfliktfalls', 'The escalation case id (UUID)');
const reason = about(text(), 'Begründung', 'Reason');

/** A coordinator of any partner raises a conflict; it opens at level 1 of the conflict procedure. */
export const raiseConflict = event(
  'RAISE_CONFLICT',
  {
    subject: about(text(300), 'Gegenstand', 'Subject'),
    description: about(text(), 'Beschreibung', 'Description'),
    parties: about(
      array(ags, { min: 1, max: 100 }),
      'AGS der beteiligten Kommunen im Konflikt',
      'AGS of the partners in conflict',
      ['05554024', '05554036'],
    ),
  },
  'Eine Partnerkommune meldet einen Konflikt; er beginnt auf Stufe 1 des Konfliktverfahrens.',
  'A partner raises a conflict; it opens at level 1 of the conflict procedure.',
);

/** A member (role steering-board) of the body at the case's current level records its decision. */
export const resolveCase = event(
  'RESOLVE_CASE',
  { caseId, decision: about(text(), 'Die Entscheidung des Gremiums', "The body's decision") },
  'Ein Mitglied des Gremiums der aktuellen Stufe erfasst dessen Entscheidung.',
  "A member of the current level's body records its decision.",
);

/** … or passes the case to the next level (not at the last level). */
export const escalateCase = event(
  'ESCALATE_CASE',
  { caseId, reason },
  'Das Gremium der aktuellen Stufe gibt den Fall an die nächste Stufe ab.',
  "The current level's body passes the case to the next level.",
);

/** At the last level only (mediator, § 30 GkG conciliation): the procedure has failed. */
export const declareCaseFailed = event(
  'DECLARE_CASE_FAILED',
  { caseId, reason },
  'Auf der letzten Stufe: das Konfliktverfahren ist gescheitert.',
  'At the last level: the conflict procedure has failed.',
);

// ---- membership [P7] -------------------------------------------------------------------------

const consequence = (de: string, en: string) => about(optional(str()), de, en);

/** What the withdrawing partner must build up or settle itself [P7]. */
export const exitPlan = object(
  {
    organisation: consequence('Organisation', 'Organisation'),
    staffCapacityAndExpertise: consequence('Personalkapazität und Fachwissen', 'Staff capacity and expertise'),
    it: consequence('IT', 'IT'),
    premises: consequence('Räumlichkeiten', 'Premises'),
    vehiclesAndEquipment: consequence('Fahrzeuge und Gerät', 'Vehicles and equipment'),
  },
  'ExitPlan',
);

const stepDate = (de: string, en: string) => about(optional(date), de, en);

/** The two routes out of a Zweckverband. */
export const ZV_EXIT_ROUTES = ['termination-right', 'statute-amendment'] as const;

/** A majority the statute sets instead of two thirds (§ 20 Abs. 1 S. 1 GkG NRW). */
export const statuteMajority = about(
  optional(
    object(
      {
        numerator: about(int({ min: 1, max: 1000 }), 'Zähler', 'Numerator'),
        denominator: about(int({ min: 1, max: 1000 }), 'Nenner', 'Denominator'),
        reference: about(text(300), 'Fundstelle in der Satzung', 'Reference in the statute'),
      },
      'StatuteMajority',
    ),
  ),
  'Wenn die Satzung eine andere Mehrheit als 2/3 bestimmt (§ 20 Abs. 1 GkG NRW)',
  'When the statute sets another majority than 2/3 (§ 20(1) GkG NRW)',
);

/**
 * Evidence of the legal form's own exit step (see `legal-forms.ts`, `exit.fields`): which fields
 * are required depends on the contract's legal form (OBL-EXIT-FORM-STEP).
 */
export const formSpecificExitStep = object(
  {
    authority: about(
      optional(str({ max: 300 })),
      'Benachrichtigte Aufsichtsbehörde',
      'Supervisory authority notified',
      'Landrat des Kreises Borken',
    ),
    notifiedOn: stepDate('Datum der Benachrichtigung', 'Date notified'),
    publishedOn: stepDate('Datum der Bekanntmachung', 'Date published'),
    gazetteReference: about(optional(str({ max: 300 })), 'Fundstelle der Bekanntmachung', 'Gazette reference'),
    voteDate: stepDate('Datum der Abstimmung der Verbandsversammlung', 'Date of the assembly vote'),
    votesFor: about(optional(int({ min: 0, max: 100_000 })), 'Ja-Stimmen', 'Votes in favour'),
    votesTotal: about(
      optional(int({ min: 1, max: 100_000 })),
      'Satzungsmäßige Stimmenzahl',
      'Statutory number of votes',
    ),
    statuteMajority,
    route: about(
      optional(oneOf(ZV_EXIT_ROUTES)),
      'Zweckverband: Kündigung nach Satzung (§ 9 Abs. 2 S. 2 Nr. 3 GkG NRW) oder Satzungsänderung (§ 20 GkG NRW, Vorgabe)',
      'Zweckverband: termination right of the statute (§ 9(2) s. 2 no. 3 GkG NRW) or amendment of the statute (§ 20 GkG NRW, default)',
    ),
    provision: about(
      optional(str({ max: 2000 })),
      'Die Klausel von Vereinbarung, Satzung oder Gesellschaftsvertrag, auf die sich der Austritt stützt',
      'The clause of the agreement, statute or articles the exit relies on',
    ),
  },
  'FormSpecificExitStep',
);

/**
 * A coordinator of a partner requests exit, as the ultima ratio [P7]. Plan and step are optional in
 * the schema so that a request without them is answered with the obligations it misses.
 */
export const requestExit = event(
  'REQUEST_EXIT',
  {
    reasons: about(text(), 'Gründe des Austritts', 'Reasons for the exit'),
    escalationCaseId: about(
      optional(caseId),
      'Ein gescheiterter Konfliktfall dieser Kooperation (OBL-EXIT-ULTIMA-RATIO)',
      'A failed escalation case of this cooperation (OBL-EXIT-ULTIMA-RATIO)',
    ),
    conflictProcedureNotApplicable: about(
      optional(str()),
      'Warum das Konfliktverfahren nicht greift (OBL-EXIT-ULTIMA-RATIO)',
      'Why the conflict procedure does not apply (OBL-EXIT-ULTIMA-RATIO)',
    ),
    exitPlan: about(optional(exitPlan), 'Austrittsplan (OBL-EXIT-PLAN)', 'Exit plan (OBL-EXIT-PLAN)'),
    formSpecificStep: about(
      optional(formSpecificExitStep),
      'Der Austrittsschritt der Rechtsform (OBL-EXIT-FORM-STEP)',
      "The legal form's exit step (OBL-EXIT-FORM-STEP)",
    ),
  },
  'Eine Partnerkommune kündigt als letztes Mittel [P7]; danach läuft die Kündigungsfrist.',
  'A partner requests exit as the ultima ratio [P7]; the notice period then runs.',
);

/** The requesting municipality withdraws its pending request before the notice period ends. */
export const withdrawExitRequest = event(
  'WITHDRAW_EXIT_REQUEST',
  { reason: about(optional(str({ max: 2000 })), 'Begründung (freiwillig)', 'Reason (optional)') },
  'Die eigene Kommune nimmt ihre Kündigung vor Ablauf der Frist zurück.',
  'The own municipality withdraws its exit request before the notice period ends.',
);

// ---- dissolution -----------------------------------------------------------------------------

/** A coordinator of any partner proposes to dissolve the cooperation by agreement. */
export const proposeDissolution = event(
  'PROPOSE_DISSOLUTION',
  {
    reason: about(text(5000), 'Warum die Kooperation aufgelöst werden soll', 'Why the cooperation should be dissolved'),
    effectiveOn: about(
      optional(date),
      'Vereinbarter späterer Tag der Wirkung (öffentlich-rechtliche Vereinbarung, § 24 Abs. 5 i. V. m. Abs. 4 GkG NRW)',
      'Agreed later day of effect (öffentlich-rechtliche Vereinbarung, § 24(5) with (4) GkG NRW)',
    ),
  },
  'Eine Partnerkommune schlägt die einvernehmliche Auflösung vor.',
  'A partner proposes to dissolve the cooperation by agreement.',
);

/**
 * Own municipality: its council's resolution on the open proposal. When every partner has agreed
 * the cooperation goes to `dissolving` (OBL-DISSOLUTION-RESOLUTIONS); one refusal rejects it.
 */
export const recordDissolutionResolution = event(
  'RECORD_DISSOLUTION_RESOLUTION',
  {
    ...councilSession,
    agreed: about(bool, 'Zugestimmt; false lehnt den Vorschlag ab', 'Agreed; false rejects the open proposal'),
  },
  'Die eigene Kommune erfasst den Ratsbeschluss zum offenen Auflösungsvorschlag.',
  "Records the own council's resolution on the open dissolution proposal.",
);

/** A remaining partner records the winding-up (OBL-WINDING-UP) → `dissolved`. */
export const recordWindingUp = event(
  'RECORD_WINDING_UP',
  {
    assets: consequence('Abwicklung des Vermögens', 'Winding-up of the assets'),
    staff: consequence('Abwicklung des Personals', 'Winding-up of the staff'),
    data: consequence('Abwicklung der Daten', 'Winding-up of the data'),
    openObligations: consequence('Offene Verpflichtungen', 'Open obligations'),
  },
  'Eine verbleibende Partnerkommune erfasst die Abwicklung; die Kooperation ist aufgelöst.',
  'A remaining partner records the winding-up; the cooperation is dissolved.',
);

export type ReportValue = Infer<typeof reportValue>;
export type SubmitReport = Infer<typeof submitReport>;
export type AcknowledgeReport = Infer<typeof acknowledgeReport>;
export type RaiseConflict = Infer<typeof raiseConflict>;
export type ResolveCase = Infer<typeof resolveCase>;
export type EscalateCase = Infer<typeof escalateCase>;
export type DeclareCaseFailed = Infer<typeof declareCaseFailed>;
export type ExitPlan = Infer<typeof exitPlan>;
export type FormSpecificExitStep = Infer<typeof formSpecificExitStep>;
export type RequestExit = Infer<typeof requestExit>;
export type WithdrawExitRequest = Infer<typeof withdrawExitRequest>;
export type ProposeDissolution = Infer<typeof proposeDissolution>;
export type RecordDissolutionResolution = Infer<typeof recordDissolutionResolution>;
export type RecordWindingUp = Infer<typeof recordWindingUp>;
