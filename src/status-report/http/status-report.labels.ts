import type { Language } from '../../common/language';

/** The report's fixed texts, German first (the council's language), English on request. */
const LABELS = {
  title: { de: 'Sachstandsbericht', en: 'Status report' },
  generated: { de: 'Erstellt am', en: 'Generated on' },
  cooperation: { de: 'Kooperation', en: 'Cooperation' },
  fieldOfWork: { de: 'Arbeitsfeld', en: 'Field of work' },
  legalForm: { de: 'Rechtsform', en: 'Legal form' },
  phase: { de: 'Phase', en: 'Phase' },
  state: { de: 'Zustand', en: 'State' },
  inForceSince: { de: 'In Kraft seit', en: 'In force since' },
  none: { de: 'keine', en: 'none' },
  notYet: { de: 'noch nicht', en: 'not yet' },
  members: { de: 'Mitglieder und Ansprechstellen', en: 'Members and contacts’ offices' },
  lead: { de: 'federführend', en: 'lead' },
  partner: { de: 'Partner', en: 'partner' },
  office: { de: 'Ansprechstelle', en: 'Contact’s office' },
  history: { de: 'Verlauf', en: 'History' },
  entries: { de: 'Einträge in der Historie', en: 'History entries' },
  since: { de: 'seit', en: 'since' },
  obligations: { de: 'Erfüllte Pflichten', en: 'Obligations met' },
  cases: { de: 'Offene Konfliktfälle', en: 'Open escalation cases' },
  level: { de: 'Stufe', en: 'Level' },
  deadline: { de: 'Frist', en: 'Deadline' },
  success: { de: 'Erfolgskriterien [P6]', en: 'Success criteria [P6]' },
  target: { de: 'Zielwert', en: 'Target' },
  baseline: { de: 'Ausgangswert', en: 'Baseline' },
  period: { de: 'Zeitraum', en: 'Period' },
  reporter: { de: 'Berichtende Kommune', en: 'Reporting municipality' },
  value: { de: 'Wert', en: 'Value' },
  acknowledged: { de: 'zur Kenntnis genommen', en: 'acknowledged' },
  open: { de: 'offen', en: 'open' },
  noValues: { de: 'Noch keine Werte berichtet.', en: 'No values reported yet.' },
  deadlines: { de: 'Anstehende Fristen', en: 'Upcoming deadlines' },
  integrity: { de: 'Prüfbarkeit', en: 'Verifiability' },
  headHash: {
    de: 'Kopf der Hash-Kette (Hash des letzten Eintrags)',
    en: 'Head of the hash chain (hash of the last entry)',
  },
  sequence: { de: 'Eintrag Nr.', en: 'Entry no.' },
  chainValid: { de: 'Kette beim Erstellen geprüft: unverändert', en: 'Chain checked when generated: unchanged' },
  chainBroken: { de: 'Kette beim Erstellen geprüft: FEHLERHAFT', en: 'Chain checked when generated: BROKEN' },
  checkpoint: { de: 'Letzter signierter Prüfpunkt', en: 'Latest signed checkpoint' },
  noCheckpoint: {
    de: 'Noch kein signierter Prüfpunkt enthält diese Kooperation.',
    en: 'No signed checkpoint covers this cooperation yet.',
  },
  rootHash: { de: 'Wurzel-Hash', en: 'Root hash' },
  keyId: { de: 'Schlüssel', en: 'Key' },
  headInCheckpoint: { de: 'Kopf im Prüfpunkt', en: 'Head in the checkpoint' },
  howToCheck: {
    de: 'Prüfen: GET /api/v1/cooperations/{id}/history/verify und GET /api/v1/audit/checkpoints/{Prüfpunkt}/verify (docs/hash-chain.md, docs/audit.md).',
    en: 'Check: GET /api/v1/cooperations/{id}/history/verify and GET /api/v1/audit/checkpoints/{checkpoint}/verify (docs/hash-chain.md, docs/audit.md).',
  },
  page: { de: 'Seite', en: 'Page' },
} as const;

const PHASES: Readonly<Record<string, { de: string; en: string }>> = {
  partnerSearch: { de: 'Partnersuche', en: 'Partner search' },
  letterOfIntent: { de: 'Absichtserklärung', en: 'Letter of intent' },
  planning: { de: 'Planung', en: 'Planning' },
  contract: { de: 'Vertrag', en: 'Contract' },
  active: { de: 'Betrieb', en: 'Operation' },
  dissolving: { de: 'Auflösung', en: 'Dissolving' },
  dissolved: { de: 'Aufgelöst', en: 'Dissolved' },
  abandoned: { de: 'Aufgegeben', en: 'Abandoned' },
};

/** A phase's name for people, with its id for the API reader. */
export const phaseName = (phase: string, language: Language): string =>
  PHASES[phase] ? `${PHASES[phase][language]} (${phase})` : phase;

export type Labels = { readonly [K in keyof typeof LABELS]: string };

export const labelsIn = (language: Language): Labels =>
  Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, v[language]])) as Labels;
