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
/**
 * Who decided for a member: the council (Rat; for a Kreis the Kreistag), or under § 60 Abs. 1 GO
 * NRW the Hauptausschuss (Eilentscheidung) or the mayor with one council member
 * (Dringlichkeitsentscheidung). See legal/council.ts.
 */
export const COUNCIL_BODIES = ['Rat', 'Kreistag', 'Hauptausschuss', 'Dringlichkeitsentscheidung'] as const;

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
    noticePeriod: about(
      optional(nullable(duration)),
      'Kündigungsfrist; null: keine ordentliche Kündigung (zulässig, wenn § 23 Abs. 5 GkG NRW keine Kündigungsregelung verlangt)',
      'Notice period; null: no ordinary termination (valid where § 23(5) GkG NRW requires no termination terms)',
    ),
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

/** The text of a contract (or statute) version: drafted before entry into force, amended while active. */
export const contractText = {
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
  effectiveOn: about(
    optional(date),
    'Späterer Zeitpunkt des Wirksamwerdens, den die Vereinbarung bestimmt (sonst der Tag nach der Bekanntmachung, § 24 Abs. 4 GkG NRW)',
    'A later effective date the agreement sets (otherwise the day after publication, § 24(4) GkG NRW)',
  ),
};

/**
 * Lead only. Creates a new contract version; voids signatures, council resolutions and the
 * supervisory step, which all refer to a version. Conflict procedure and exit terms may be
 * incomplete in a draft (their obligations block entry into force).
 */
export const draftContract = event(
  'DRAFT_CONTRACT',
  contractText,
  'Die federführende Kommune legt eine neue Vertragsfassung vor; Unterschriften, Ratsbeschlüsse und der Aufsichtsschritt entfallen.',
  'The lead municipality drafts a new contract version; signatures, council resolutions and the supervisory step are voided.',
);

/** The council session of a resolution (on a contract version, or on a dissolution proposal). */
export const councilSession = {
  body: about(oneOf(COUNCIL_BODIES), 'Rat (bei einem Kreis: Kreistag)', 'Council (for a Kreis: Kreistag)'),
  date: about(date, 'Sitzungsdatum; nicht in der Zukunft', 'Date of the session; not in the future'),
  reference: about(text(200), 'Drucksache / Beschlussnummer', 'Document or resolution number', 'Vorlage 2026/061'),
  councilApprovedOn: about(
    optional(date),
    'Bei Eil- oder Dringlichkeitsentscheidung: Genehmigung durch den Rat in seiner nächsten Sitzung (§ 60 Abs. 1 S. 3 GO NRW)',
    'For an urgent or emergency decision: approval by the council at its next meeting (§ 60(1) s. 3 GO NRW)',
  ),
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
    authority: about(
      text(300),
      'Kennung oder Name der Aufsichtsbehörde (jede Form des Namens, z. B. Landrätin oder Landrat)',
      'Id or name of the authority (any of its names, e.g. Landrätin or Landrat)',
      'Landrat des Kreises Borken',
    ),
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
    objectedOn: stepDate(
      'Die Behörde hat mitgeteilt, dass sie versagen oder nur nach Änderung genehmigen will (§ 24 Abs. 2, § 10 Abs. 1 GkG NRW); binnen vier Wochen verlängert das die Frist um weitere vier Wochen',
      'The authority communicated that it will refuse or approve only after changes (§ 24(2), § 10(1) GkG NRW); within four weeks this extends the period by a further four weeks',
    ),
    discussionScheduledOn: stepDate(
      'Tag, an dem die Behörde einen Erörterungstermin anberaumt hat (nicht der Termin selbst); nach einer Mitteilung in der Frist und binnen weiterer vier Wochen schließt das die Fiktion aus',
      'The day the authority scheduled a discussion (not the meeting day); after concerns in time and within the further four weeks it excludes the fiction',
    ),
    refusedOn: stepDate('Datum der Versagung der Genehmigung', 'Date the approval was refused'),
    designation: about(
      optional(
        object(
          {
            authority: about(
              text(300),
              'Bestimmte Aufsichtsbehörde (Kennung oder Name)',
              'Designated authority (id or name)',
            ),
            designatedBy: about(
              text(300),
              'Bestimmende Behörde (Kennung oder Name), z. B. ministry:kommunales',
              'Designating authority (id or name), e.g. ministry:kommunales',
            ),
            designatedOn: about(date, 'Datum der Bestimmung', 'Date of the designation'),
            reference: about(
              text(300),
              'Fundstelle oder Aktenzeichen, z. B. GV. NRW. 2026 S. 123',
              'Reference or file number, e.g. GV. NRW. 2026 p. 123',
            ),
          },
          'AuthorityDesignation',
        ),
      ),
      'Wo das Gesetz die Bestimmung der Behörde vorsieht (§ 29 Abs. 4 GkG, § 120 Abs. 5 GO NRW): die erfasste Bestimmung',
      'Where the statute has the authority designated (§ 29(4) GkG, § 120(5) GO NRW): the designation as recorded',
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
export type ContractText = Omit<DraftContract, 'type'>;
export type RecordCouncilResolution = Infer<typeof recordCouncilResolution>;
export type RecordSupervisoryStep = Infer<typeof recordSupervisoryStep>;
export type SignContract = Infer<typeof signContract>;
export type PutIntoForce = Infer<typeof putIntoForce>;
