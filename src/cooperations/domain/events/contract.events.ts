import { LEGAL_FORM_IDS, ORV_VARIANTS } from '../legal/legal-form-ids';
import {
  about,
  ags,
  array,
  bool,
  date,
  event,
  type Infer,
  int,
  nullable,
  num,
  object,
  oneOf,
  optional,
  PER_COOPERATION_ITEMS,
  str,
  text,
} from '../schema';

export const DURATION_UNITS = ['calendar-days', 'working-days', 'months'] as const;
export const CONFLICT_LEVEL_KINDS = [
  'steering-body',
  'escalation-body',
  'mediator',
  'supervisory-conciliation',
] as const;
export const COUNCIL_BODIES = ['Rat', 'Kreistag'] as const;

export const duration = object(
  {
    amount: about(int({ min: 0, max: 10_000 }), 'Anzahl', 'Amount'),
    unit: about(oneOf(DURATION_UNITS), 'Einheit', 'Unit'),
  },
  'Duration',
);

export const conflictLevel = object(
  {
    name: about(str({ max: 200 }), 'Bezeichnung der Stufe', 'Name of the level', 'Stufe 1: Lenkungsausschuss'),
    body: about(
      str({ max: 500 }),
      'Wer auf dieser Stufe entscheidet, z. B. Lenkungsausschuss Bauhof oder Bürgermeisterkonferenz',
      "Who decides at this level, e.g. 'Lenkungsausschuss Bauhof' or 'Bürgermeisterkonferenz'",
      'Lenkungsausschuss Gemeinsamer Bauhof',
    ),
    kind: about(oneOf(CONFLICT_LEVEL_KINDS), 'Art der Stufe', 'Kind of level'),
    responseDeadline: about(duration, 'Antwortfrist der Stufe', 'Response deadline of the level'),
  },
  'ConflictLevel',
);

const exitConsequence = (de: string, en: string) => about(optional(str({ max: 5000 })), de, en);

export const exitTerms = object(
  {
    noticePeriod: about(optional(duration), 'Kündigungsfrist', 'Notice period'),
    toEndOf: about(
      optional(nullable(oneOf(['calendar-year', 'quarter']))),
      'Kündigung zum Ende des Kalenderjahres oder Quartals',
      'Notice to the end of the calendar year or quarter',
    ),
    earliestDate: about(
      optional(date),
      'Frühester Wirksamkeitstag eines Austritts; ohne Angabe Laufzeitbeginn plus Kündigungsfrist',
      'Earliest date an exit can take effect; absent: term start plus notice period',
    ),
    costs: exitConsequence('Regelung der Kosten bei Austritt [P7]', 'How costs are settled on exit [P7]'),
    assets: exitConsequence('Regelung des Vermögens', 'How assets are settled'),
    staff: exitConsequence('Regelung des Personals', 'How staff is settled'),
    it: exitConsequence('Regelung der IT', 'How IT is settled'),
    premises: exitConsequence('Regelung der Räumlichkeiten', 'How premises are settled'),
    vehiclesAndEquipment: exitConsequence(
      'Regelung von Fahrzeugen und Gerät',
      'How vehicles and equipment are settled',
    ),
  },
  'ExitTerms',
);

export const costAllocation = object(
  {
    description: about(
      text(2000),
      'Der Kostenschlüssel in Worten',
      'The cost key in words',
      'kostendeckendes Entgelt nach Straßenkilometern',
    ),
    shares: about(
      array(
        object(
          {
            municipality: about(
              ags,
              'AGS einer beteiligten Kommune',
              'AGS of a participating municipality',
              '05554024',
            ),
            percent: about(num({ min: 0, max: 100 }), 'Anteil in Prozent', 'Share in percent'),
          },
          'CostShare',
        ),
        { max: PER_COOPERATION_ITEMS },
      ),
      'Prozentanteile; wenn angegeben, ergeben sie zusammen 100',
      'Percent shares; when given they must add up to 100',
    ),
  },
  'CostAllocation',
);

/**
 * Lead only. Creates a new contract version; voids signatures, council resolutions and the
 * supervisory step, which all refer to a version. Conflict procedure and exit terms may be
 * incomplete in a draft (their obligations block entry into force).
 */
export const draftContract = event(
  'DRAFT_CONTRACT',
  {
    legalForm: about(oneOf(LEGAL_FORM_IDS), 'Rechtsform der Kooperation', 'Legal form of the cooperation'),
    variant: about(
      optional(oneOf(ORV_VARIANTS)),
      'Nur bei öffentlich-rechtlicher Vereinbarung: delegierend oder mandatierend',
      'For oeffentlich-rechtliche-vereinbarung only: delegating or mandating',
    ),
    seat: about(
      ags,
      'AGS der Sitzkommune bzw. der Kommune, die die Aufgabe durchführt',
      'AGS of the seat / performing municipality',
      '05554024',
    ),
    tasks: about(
      array(text(2000), { min: 1, max: PER_COOPERATION_ITEMS }),
      'Die übertragenen oder gemeinsamen Aufgaben',
      'The tasks',
    ),
    costAllocation: about(costAllocation, 'Kostenverteilung', 'Cost allocation'),
    term: about(
      object(
        {
          start: about(date, 'Laufzeitbeginn', 'Start of the term', '2027-01-01'),
          end: about(
            optional(nullable(date)),
            'Laufzeitende; null oder ohne Angabe: unbefristet',
            'End of the term; null or absent: indefinite',
          ),
        },
        'Term',
      ),
      'Laufzeit',
      'Term',
    ),
    conflictProcedure: about(
      optional(
        object(
          {
            levels: about(
              array(conflictLevel, { max: 10 }),
              'Stufen, beginnend mit Stufe 1',
              'Levels, starting with level 1',
            ),
          },
          'ConflictProcedure',
        ),
      ),
      'Konfliktverfahren [P6]',
      'Conflict procedure [P6]',
    ),
    exitTerms: about(optional(exitTerms), 'Austrittsregelungen [P7]', 'Exit terms [P7]'),
  },
  'Die federführende Kommune legt eine neue Vertragsfassung vor; Unterschriften, Ratsbeschlüsse und der Aufsichtsschritt entfallen.',
  'The lead municipality drafts a new contract version; signatures, council resolutions and the supervisory step are voided.',
);

/** The council session of a resolution (on a contract version, or on a dissolution proposal). */
export const councilSession = {
  body: about(oneOf(COUNCIL_BODIES), 'Rat (bei einem Kreis: Kreistag)', 'Council (for a Kreis: Kreistag)'),
  date: about(date, 'Sitzungsdatum; nicht in der Zukunft', 'Date of the session; not in the future'),
  reference: about(text(200), 'Drucksache / Beschlussnummer', 'Document or resolution number', 'Vorlage 2026/061'),
};

const version = about(
  int({ min: 1 }),
  'Die Vertragsfassung (muss die aktuelle sein)',
  'The contract version (must be the current one)',
);

/** Own municipality: the council (Rat; for a Kreis the Kreistag) resolved to conclude `version`. */
export const recordCouncilResolution = event(
  'RECORD_COUNCIL_RESOLUTION',
  {
    version,
    ...councilSession,
  },
  'Die eigene Kommune erfasst den Beschluss ihres Rates (Kreistages), die aktuelle Vertragsfassung zu schließen.',
  "Records the own council's resolution to conclude the current contract version.",
);

const stepDate = (de: string, en: string) => about(optional(date), de, en);

/**
 * Lead or seat. Records (replaces) the supervisory step for the current contract version; send it
 * again as the procedure progresses (submitted → approved → published).
 */
export const recordSupervisoryStep = event(
  'RECORD_SUPERVISORY_STEP',
  {
    kind: about(oneOf(['approval', 'notification']), 'Genehmigung oder Anzeige', 'Approval or notification'),
    authority: about(text(300), 'Name der Aufsichtsbehörde', 'Name of the authority', 'Landrat des Kreises Borken'),
    submittedOn: about(
      date,
      'Eingang bei der Behörde (beginnt die Genehmigungsfiktion)',
      'Date the authority received the submission (starts the approval fiction)',
    ),
    approvedOn: stepDate('Datum der Genehmigung', 'Date of approval'),
    deemedApproval: about(
      optional(bool),
      'Die Beteiligten berufen sich auf die Genehmigungsfiktion (kein Widerspruch in der Frist)',
      'The parties rely on the approval fiction (no objection within the period)',
    ),
    objectedOn: stepDate('Datum eines Widerspruchs', 'Date of an objection'),
    discussionScheduledOn: stepDate(
      'Die Behörde hat eine Erörterung anberaumt (verlängert die Fiktion um vier Wochen)',
      'The authority scheduled a discussion (extends the fiction by four weeks)',
    ),
    publishedOn: stepDate('Datum der Bekanntmachung', 'Date of publication'),
    gazetteReference: about(optional(text(300)), 'Fundstelle der Bekanntmachung', 'Gazette reference'),
  },
  'Federführung oder Sitzkommune erfassen den Aufsichtsschritt zur aktuellen Vertragsfassung (ersetzt den vorigen).',
  'The lead or seat records (replaces) the supervisory step for the current contract version.',
);

/** The appointed contact signs the current contract version. */
export const signContract = event(
  'SIGN_CONTRACT',
  { version },
  'Die benannte Ansprechperson unterzeichnet die aktuelle Vertragsfassung.',
  'The appointed contact signs the current contract version.',
);

/**
 * Lead only. Guards OBL-CONFLICT-PROCEDURE, OBL-EXIT-TERMS, OBL-COUNCIL-RESOLUTION,
 * OBL-SUPERVISORY-STEP, OBL-CONTRACT-SIGNED-ALL. Schedules the first reporting timers.
 */
export const putIntoForce = event(
  'PUT_INTO_FORCE',
  {},
  'Die federführende Kommune setzt den Vertrag in Kraft; die Berichtspflichten beginnen.',
  'The lead municipality puts the contract into force; the reporting duties start.',
);

export type Duration = Infer<typeof duration>;
export type ConflictLevel = Infer<typeof conflictLevel>;
export type ExitTerms = Infer<typeof exitTerms>;
export type CostAllocation = Infer<typeof costAllocation>;
export type DraftContract = Infer<typeof draftContract>;
export type RecordCouncilResolution = Infer<typeof recordCouncilResolution>;
export type RecordSupervisoryStep = Infer<typeof recordSupervisoryStep>;
export type SignContract = Infer<typeof signContract>;
export type PutIntoForce = Infer<typeof putIntoForce>;
