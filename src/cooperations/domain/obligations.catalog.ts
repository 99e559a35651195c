import type { Bilingual } from '../../common/domain/bilingual';
/**
 * The obligation catalog as data. The ids are the contract between code, docs, API and tests;
 * German text is authoritative, English is a working translation.
 */
export const OBLIGATION_IDS = [
  'OBL-PARTNERS-MIN',
  'OBL-CONTACT-AUTHORITY',
  'OBL-LOI-CONTENT',
  'OBL-SUCCESS-CRITERIA',
  'OBL-LOI-SIGNED-ALL',
  'OBL-STEERING-BODY',
  'OBL-REPORTING-DUTIES',
  'OBL-CONFLICT-PROCEDURE',
  'OBL-EXIT-TERMS',
  'OBL-COUNCIL-RESOLUTION',
  'OBL-SUPERVISORY-STEP',
  'OBL-CONTRACT-SIGNED-ALL',
  'OBL-REPORT-CRITERIA',
  'OBL-AMENDMENT-RESOLUTIONS',
  'OBL-AMENDMENT-SUPERVISORY-STEP',
  'OBL-AMENDMENT-SIGNED-ALL',
  'OBL-EXIT-ULTIMA-RATIO',
  'OBL-EXIT-PLAN',
  'OBL-EXIT-FORM-STEP',
  'OBL-DISSOLUTION-RESOLUTIONS',
  'OBL-WINDING-UP',
] as const;
export type ObligationId = (typeof OBLIGATION_IDS)[number];

export type Phase = 'partnerSearch' | 'letterOfIntent' | 'planning' | 'contract' | 'active' | 'dissolving';

// One definition of a German/English text for the whole engine (the domain's texts included).
export type { Bilingual } from '../../common/domain/bilingual';

export interface ObligationDefinition {
  id: ObligationId;
  /** The phase whose exit (or, in `active`, whose event) it guards. */
  phase: Phase;
  text: Bilingual;
  /** Seed paragraph ([P4]…) or, where the FAQ is silent, the statute it comes from. */
  citation: string;
  /** Statutory basis, or null where the obligation is the FAQ's good practice made binding. */
  legalBasis: string | null;
  satisfiedBy: Bilingual;
}

export const OBLIGATIONS: Readonly<Record<ObligationId, ObligationDefinition>> = {
  'OBL-PARTNERS-MIN': {
    id: 'OBL-PARTNERS-MIN',
    phase: 'partnerSearch',
    text: {
      de: 'An der Kooperation nehmen mindestens zwei Kommunen teil: die federführende Kommune und mindestens ein Partner, der die Einladung angenommen hat.',
      en: 'At least two municipalities take part: the lead municipality and at least one partner who accepted the invitation.',
    },
    citation: '§ 1 GkG NRW',
    legalBasis: '§ 1 Abs. 1 GkG NRW',
    satisfiedBy: {
      de: 'Eine eingeladene Kommune nimmt die Einladung an (ACCEPT_INVITATION).',
      en: 'An invited municipality accepts the invitation (ACCEPT_INVITATION).',
    },
  },
  'OBL-CONTACT-AUTHORITY': {
    id: 'OBL-CONTACT-AUTHORITY',
    phase: 'partnerSearch',
    text: {
      de: 'Jede beteiligte Kommune hat einen Ansprechpartner mit entsprechender Entscheidungsbefugnis festgelegt; erfasst ist, wer die Befugnis wann und in welchem Umfang erteilt hat.',
      en: 'Every participating municipality has appointed a contact person with the corresponding decision-making authority, recording who conferred it, when, and its scope.',
    },
    citation: '[P4]',
    legalBasis: null,
    satisfiedBy: {
      de: 'Jede beteiligte Kommune benennt ihren Ansprechpartner mit Name, Funktion und Entscheidungsbefugnis (APPOINT_CONTACT).',
      en: 'Each participating municipality names its contact with name, position and authority (APPOINT_CONTACT).',
    },
  },
  'OBL-LOI-CONTENT': {
    id: 'OBL-LOI-CONTENT',
    phase: 'letterOfIntent',
    text: {
      de: 'Die Absichtserklärung (Letter of Intent) legt Erwartungen, Ziele, Verantwortlichkeiten je Partner und die notwendigen Ressourcen je Partner an Zeit, Personal und finanziellen Mitteln schriftlich fest; kein Teil ist leer.',
      en: 'The letter of intent sets down expectations, goals, responsibilities per partner and the resources per partner in time, personnel and money; no part is empty.',
    },
    citation: '[P6]',
    legalBasis: null,
    satisfiedBy: {
      de: 'Ein Entwurf (DRAFT_LOI) mit Erwartungen, mindestens einem Ziel, je Partner einer Verantwortlichkeit und je Partner Zeit (Zeitplan), Personal (VZÄ oder Rollen) und Geld (EUR).',
      en: 'A draft (DRAFT_LOI) with expectations, at least one goal, a responsibility per partner and per partner time (timeline), personnel (FTE or roles) and money (EUR).',
    },
  },
  'OBL-SUCCESS-CRITERIA': {
    id: 'OBL-SUCCESS-CRITERIA',
    phase: 'letterOfIntent',
    text: {
      de: 'Die Absichtserklärung nennt mindestens ein messbares Erfolgskriterium (Kennzahl, Zielwert, Einheit).',
      en: 'The letter of intent names at least one measurable success criterion (indicator, target, unit).',
    },
    citation: '[P6]',
    legalBasis: null,
    satisfiedBy: {
      de: 'Erfolgskriterien im Entwurf der Absichtserklärung, jedes mit Kennzahl, Zielwert und Einheit.',
      en: 'Success criteria in the LoI draft, each with indicator, target and unit.',
    },
  },
  'OBL-LOI-SIGNED-ALL': {
    id: 'OBL-LOI-SIGNED-ALL',
    phase: 'letterOfIntent',
    text: {
      de: 'Alle beteiligten Kommunen haben die aktuelle Fassung der Absichtserklärung unterzeichnet, jeweils durch ihren Ansprechpartner mit Entscheidungsbefugnis.',
      en: 'Every participating municipality signed the current LoI version, each through its contact with decision-making authority.',
    },
    citation: '[P6]',
    legalBasis: null,
    satisfiedBy: {
      de: 'Der Ansprechpartner jeder beteiligten Kommune unterzeichnet die aktuelle Fassung (SIGN_LOI).',
      en: "Each participating municipality's contact signs the current version (SIGN_LOI).",
    },
  },
  'OBL-STEERING-BODY': {
    id: 'OBL-STEERING-BODY',
    phase: 'planning',
    text: {
      de: 'Es ist festgelegt, wie und durch wen das Projekt gesteuert wird: ein institutionalisiertes Gremium (Art, Name) mit mindestens einem Mitglied jeder beteiligten Kommune und seiner Entscheidungsregel.',
      en: 'It is agreed how and by whom the project is steered: an institutionalised body (kind, name) with at least one member from every participating municipality, and its decision rule.',
    },
    citation: '[P8]',
    legalBasis: null,
    satisfiedBy: {
      de: 'Festlegung des Steuerungsgremiums (DEFINE_STEERING_BODY), z. B. Lenkungsausschuss oder Beirat.',
      en: 'Definition of the steering body (DEFINE_STEERING_BODY), e.g. a Lenkungsausschuss or Beirat.',
    },
  },
  'OBL-REPORTING-DUTIES': {
    id: 'OBL-REPORTING-DUTIES',
    phase: 'planning',
    text: {
      de: 'Berichtspflichten sind festgelegt: wer berichtet, an wen, in welchem Turnus und mit welchem Inhalt – mindestens zu den Erfolgskriterien der Absichtserklärung.',
      en: 'Reporting duties are defined: who reports, to whom, how often and with which contents — at least the success criteria of the letter of intent.',
    },
    citation: '[P8]',
    legalBasis: null,
    satisfiedBy: {
      de: 'Festlegung der Berichtspflichten (DEFINE_REPORTING_DUTIES), deren Inhalte alle Kennzahlen der Erfolgskriterien abdecken.',
      en: 'Definition of reporting duties (DEFINE_REPORTING_DUTIES) whose contents cover every success-criterion indicator.',
    },
  },
  'OBL-CONFLICT-PROCEDURE': {
    id: 'OBL-CONFLICT-PROCEDURE',
    phase: 'contract',
    text: {
      de: 'Die vertragliche Vereinbarung regelt die Vorgehensweise in Konfliktfällen: geordnete Eskalationsstufen, darunter mindestens ein Eskalationsgremium oder ein neutraler Vermittler, jede mit Antwortfrist.',
      en: 'The contract regulates the procedure in case of conflict: ordered escalation levels, including at least one escalation body or neutral mediator, each with a response deadline.',
    },
    citation: '[P6]',
    legalBasis: null,
    satisfiedBy: {
      de: 'Ein Vertragsentwurf (DRAFT_CONTRACT) mit Konfliktregelung, z. B. Lenkungsausschuss → Bürgermeisterrunde → neutraler Vermittler, jeweils mit Frist.',
      en: 'A contract draft (DRAFT_CONTRACT) with a conflict procedure, e.g. steering body → mayors → neutral mediator, each with a deadline.',
    },
  },
  'OBL-EXIT-TERMS': {
    id: 'OBL-EXIT-TERMS',
    phase: 'contract',
    text: {
      de: 'Die vertragliche Vereinbarung regelt die Ausstiegsmöglichkeiten: Kündigungsfrist und wie beim Ausstieg mit Kosten, Vermögen, Personal, IT, Räumlichkeiten sowie Fahrzeugen und Geräten verfahren wird.',
      en: 'The contract sets out the exit options: notice period and how costs, assets, staff, IT, premises, vehicles and equipment are dealt with on exit.',
    },
    citation: '[P7]',
    legalBasis: '§ 23 Abs. 4–5, § 28 Abs. 1 Nr. 6 GkG NRW',
    satisfiedBy: {
      de: 'Ausstiegsregelungen im Vertragsentwurf (DRAFT_CONTRACT): Kündigungsfrist, ggf. frühester Zeitpunkt, und Regelungen zu Kosten, Vermögen, Personal, IT, Räumlichkeiten, Fahrzeugen und Geräten.',
      en: 'Exit terms in the contract draft (DRAFT_CONTRACT): notice period, optional earliest date, and settlements for costs, assets, staff, IT, premises, vehicles and equipment.',
    },
  },
  'OBL-COUNCIL-RESOLUTION': {
    id: 'OBL-COUNCIL-RESOLUTION',
    phase: 'contract',
    text: {
      de: 'Die Vertretung jeder beteiligten Kommune (Rat, beim Kreis der Kreistag) hat den Abschluss der aktuellen Vertragsfassung beschlossen.',
      en: "Each participating municipality's council (Rat; for a Kreis the Kreistag) resolved to conclude the current contract version.",
    },
    citation: '§ 41 GO NRW',
    legalBasis: '§ 41 Abs. 1 GO NRW, § 26 Abs. 1 KrO NRW',
    satisfiedBy: {
      de: 'Jede beteiligte Kommune erfasst den Beschluss ihrer Vertretung mit Gremium, Datum und Drucksachennummer (RECORD_COUNCIL_RESOLUTION).',
      en: "Each participating municipality records its council's resolution with body, date and reference (RECORD_COUNCIL_RESOLUTION).",
    },
  },
  'OBL-SUPERVISORY-STEP': {
    id: 'OBL-SUPERVISORY-STEP',
    phase: 'contract',
    text: {
      de: 'Soweit die Rechtsform es verlangt, liegt die Genehmigung der zuständigen Aufsichtsbehörde vor (auch im Wege der Genehmigungsfiktion) und ist öffentlich bekannt gemacht, oder die Anzeige ist fristgerecht erstattet.',
      en: 'Where the legal form requires it, the competent supervisory authority has approved (possibly by deemed approval) and the approval is published, or the notification was made in time.',
    },
    citation: '§ 24 GkG NRW',
    legalBasis: '§§ 10, 11, 24, 29 GkG NRW; §§ 115, 120 GO NRW',
    satisfiedBy: {
      de: 'Erfassung des aufsichtsbehördlichen Verfahrens (RECORD_SUPERVISORY_STEP): Behörde, Eingang, Genehmigung oder Fiktion, Bekanntmachung; bei privatrechtlichen Formen die Anzeige jeder Kommune bei ihrer eigenen Aufsichtsbehörde (RECORD_MEMBER_NOTIFICATION).',
      en: "Recording the supervisory procedure (RECORD_SUPERVISORY_STEP): authority, receipt, approval or deemed approval, publication; for private-law forms each member's notification to its own authority (RECORD_MEMBER_NOTIFICATION).",
    },
  },
  'OBL-CONTRACT-SIGNED-ALL': {
    id: 'OBL-CONTRACT-SIGNED-ALL',
    phase: 'contract',
    text: {
      de: 'Alle beteiligten Kommunen haben die aktuelle Vertragsfassung unterzeichnet.',
      en: 'Every participating municipality signed the current contract version.',
    },
    citation: '§ 64 GO NRW',
    legalBasis: '§ 64 GO NRW',
    satisfiedBy: {
      de: 'Der Ansprechpartner jeder beteiligten Kommune unterzeichnet die aktuelle Vertragsfassung (SIGN_CONTRACT).',
      en: "Each participating municipality's contact signs the current contract version (SIGN_CONTRACT).",
    },
  },
  'OBL-AMENDMENT-RESOLUTIONS': {
    id: 'OBL-AMENDMENT-RESOLUTIONS',
    phase: 'active',
    text: {
      de: 'Jede Partnerkommune und jede beitretende Kommune hat die Änderung (den Beitritt) beschlossen — durch Rat oder Kreistag oder als Eil- oder Dringlichkeitsentscheidung; eine Arbeitsgemeinschaft braucht keinen Beschluss.',
      en: 'Every partner and every joining municipality resolved the amendment (the joining) — by council or Kreistag, or as an urgent or emergency decision; a working group needs none.',
    },
    citation: '§ 41 Abs. 1, § 60 GO NRW',
    legalBasis: '§ 41 Abs. 1, § 60 Abs. 1 GO NRW; § 26 Abs. 1 KrO NRW; § 20 Abs. 1, § 24 Abs. 1, § 27 Abs. 4 GkG NRW',
    satisfiedBy: {
      de: 'Jede Kommune erfasst ihren Beschluss zur Änderungsfassung (RECORD_COUNCIL_RESOLUTION mit deren Fassung).',
      en: 'Each municipality records its resolution on the amended version (RECORD_COUNCIL_RESOLUTION with that version).',
    },
  },
  'OBL-AMENDMENT-SUPERVISORY-STEP': {
    id: 'OBL-AMENDMENT-SUPERVISORY-STEP',
    phase: 'active',
    text: {
      de: 'Soweit die Rechtsform es verlangt, hat die für die geänderte Kooperation zuständige Aufsichtsbehörde die Änderung genehmigt (auch durch Fiktion) und bekannt gemacht, oder jede Kommune hat sie ihrer Aufsichtsbehörde angezeigt; die Änderung ist wirksam geworden.',
      en: 'Where the legal form requires it, the authority competent for the amended cooperation approved (possibly by deemed approval) and published the amendment, or each member notified its own authority; the amendment has taken effect.',
    },
    citation: '§ 20, § 24 GkG NRW',
    legalBasis: '§§ 10, 20, 24, 29 GkG NRW; §§ 115, 120 GO NRW',
    satisfiedBy: {
      de: 'Erfassung des Aufsichtsschritts zur Änderung (RECORD_SUPERVISORY_STEP bzw. RECORD_MEMBER_NOTIFICATION je Kommune).',
      en: 'Recording the supervisory step for the amendment (RECORD_SUPERVISORY_STEP, or RECORD_MEMBER_NOTIFICATION per member).',
    },
  },
  'OBL-AMENDMENT-SIGNED-ALL': {
    id: 'OBL-AMENDMENT-SIGNED-ALL',
    phase: 'active',
    text: {
      de: 'Soweit die Rechtsform es verlangt, haben alle Beteiligten und Beitretenden die geänderte Fassung unterzeichnet (nicht beim Zweckverband: dort beschließt die Verbandsversammlung).',
      en: 'Where the legal form requires it, every party and joining member signed the amended text (not for a Zweckverband: its assembly resolves).',
    },
    citation: '§ 24 Abs. 1 GkG NRW',
    legalBasis: '§ 24 Abs. 1 S. 1, § 27 Abs. 2 S. 2 GkG NRW; § 64 GO NRW',
    satisfiedBy: {
      de: 'SIGN_AMENDMENT durch jede beteiligte und beitretende Kommune.',
      en: 'SIGN_AMENDMENT by every participating and joining municipality.',
    },
  },
  'OBL-REPORT-CRITERIA': {
    id: 'OBL-REPORT-CRITERIA',
    phase: 'active',
    text: {
      de: 'Der Bericht gibt für jedes Erfolgskriterium der Absichtserklärung einen Wert an; die Partner informieren sich regelmäßig und ehrlich über den Stand.',
      en: 'The report gives a value for every success criterion of the letter of intent; the partners inform each other regularly and honestly about progress.',
    },
    citation: '[P6], [P8]',
    legalBasis: null,
    satisfiedBy: {
      de: 'Ein Bericht (SUBMIT_REPORT) mit einem Wert je Kennzahl der Erfolgskriterien (values: [{ indicator, value }]).',
      en: 'A report (SUBMIT_REPORT) with a value for each success-criterion indicator (values: [{ indicator, value }]).',
    },
  },
  'OBL-EXIT-ULTIMA-RATIO': {
    id: 'OBL-EXIT-ULTIMA-RATIO',
    phase: 'active',
    text: {
      de: 'Der Ausstieg ist das letzte Mittel (ultima ratio): Der Antrag verweist auf ein gescheitertes oder ausgeschöpftes Eskalationsverfahren dieser Kooperation oder begründet, warum das Konfliktverfahren nicht greift.',
      en: 'Exit is the last resort (ultima ratio): the request references a failed or exhausted escalation case of this cooperation, or states why the conflict procedure does not apply.',
    },
    citation: '[P7]',
    legalBasis: null,
    satisfiedBy: {
      de: 'REQUEST_EXIT mit escalationCaseId eines gescheiterten Falls oder mit einer Begründung in conflictProcedureNotApplicable.',
      en: 'REQUEST_EXIT with the escalationCaseId of a failed case, or a reason in conflictProcedureNotApplicable.',
    },
  },
  'OBL-EXIT-PLAN': {
    id: 'OBL-EXIT-PLAN',
    phase: 'active',
    text: {
      de: 'Der Ausstieg ist gut überlegt: Ein Ausstiegsplan legt dar, wie der ausscheidende Partner Organisation, Personalkapazität mit entsprechendem Know-how, IT, Räumlichkeiten sowie Fahrzeuge und Geräte wieder selbst aufstellt; kein Teil ist leer.',
      en: 'The exit is well considered: an exit plan sets out how the withdrawing partner re-establishes organisation, staff capacity with the corresponding expertise, IT, premises, and vehicles and equipment; no part is empty.',
    },
    citation: '[P7]',
    legalBasis: null,
    satisfiedBy: {
      de: 'REQUEST_EXIT mit exitPlan: organisation, staffCapacityAndExpertise, it, premises, vehiclesAndEquipment.',
      en: 'REQUEST_EXIT with exitPlan: organisation, staffCapacityAndExpertise, it, premises, vehiclesAndEquipment.',
    },
  },
  'OBL-EXIT-FORM-STEP': {
    id: 'OBL-EXIT-FORM-STEP',
    phase: 'active',
    text: {
      de: 'Der Schritt, den die Rechtsform für das Ausscheiden verlangt, ist getan: bei der öffentlich-rechtlichen Vereinbarung die Anzeige der Kündigung bei der Aufsichtsbehörde, beim Zweckverband der Beschluss der Verbandsversammlung mit zwei Dritteln der Stimmen (soweit die Satzung nichts anderes bestimmt), sonst die Regelung von Vereinbarung, Satzung oder Gesellschaftsvertrag.',
      en: "The step the legal form requires for leaving is taken: for a public-law agreement the termination notified to the supervisory authority; for a Zweckverband the assembly's two-thirds vote (unless the statute provides otherwise); otherwise the clause of the agreement, statute or articles.",
    },
    citation: '[P7]',
    legalBasis: '§ 20 Abs. 1, § 24 Abs. 5, § 28 Abs. 1 Nr. 6 GkG NRW; § 115 Abs. 1 GO NRW',
    satisfiedBy: {
      de: 'REQUEST_EXIT mit formSpecificStep nach der Rechtsform (siehe LEGAL_FORM_RULES[].exit.required).',
      en: 'REQUEST_EXIT with formSpecificStep as the legal form requires (see LEGAL_FORM_RULES[].exit.required).',
    },
  },
  'OBL-DISSOLUTION-RESOLUTIONS': {
    id: 'OBL-DISSOLUTION-RESOLUTIONS',
    phase: 'active',
    text: {
      de: 'Die Auflösung im Einvernehmen ist von der Vertretung jeder beteiligten Kommune (Rat, beim Kreis der Kreistag) beschlossen.',
      en: "Dissolution by agreement is resolved by each participating municipality's council (Rat; for a Kreis the Kreistag).",
    },
    citation: '§ 41 GO NRW',
    legalBasis: '§ 41 Abs. 1 GO NRW, § 26 Abs. 1 KrO NRW',
    satisfiedBy: {
      de: 'Ein Auflösungsvorschlag (PROPOSE_DISSOLUTION) und je Kommune ein zustimmender Beschluss (RECORD_DISSOLUTION_RESOLUTION, agreed: true).',
      en: 'A dissolution proposal (PROPOSE_DISSOLUTION) and an agreeing resolution of every municipality (RECORD_DISSOLUTION_RESOLUTION, agreed: true).',
    },
  },
  'OBL-WINDING-UP': {
    id: 'OBL-WINDING-UP',
    phase: 'dissolving',
    text: {
      de: 'Die Abwicklung ist festgehalten: Verbleib des Vermögens, des Personals und der Daten sowie die Erfüllung offener Verpflichtungen; kein Teil ist leer.',
      en: 'The winding-up is recorded: what happens to assets, staff and data, and how open obligations are met; no part is empty.',
    },
    citation: '[P7]',
    legalBasis: null,
    satisfiedBy: {
      de: 'RECORD_WINDING_UP mit assets, staff, data und openObligations.',
      en: 'RECORD_WINDING_UP with assets, staff, data and openObligations.',
    },
  },
};

export function isObligationId(value: unknown): value is ObligationId {
  return typeof value === 'string' && (OBLIGATION_IDS as readonly string[]).includes(value);
}
