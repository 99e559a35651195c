import type { CalendarDate } from '../calendar';
import type { LegalFormId } from './legal-form-ids';
import { type Bilingual, type LegalRule, type RuleCertainty, ruleOn, TEXT_DATES } from './rule';

/*
 * What a change of membership or of the contract needs, per legal form, as ordered steps with their
 * provision: exit, dissolution, joining (Beitritt) and amendment. Each step says whether the
 * statute requires it and how sure the rule is. Checks of single steps (votes, the § 23 Abs. 5
 * termination terms, dates) are in exit.ts.
 */

export type ProcedureKind = 'exit' | 'dissolution' | 'join' | 'amend';

export type StepId =
  | 'statute-termination-right'
  | 'termination-declared'
  | 'assembly-vote'
  | 'member-consents'
  | 'council-resolutions'
  | 'agreement-of-all'
  | 'notify-authority'
  | 'approval'
  | 'authority-publishes'
  | 'parties-publish-pointer'
  | 'publication'
  | 'settlement'
  | 'distribution-per-statute'
  | 'notify-own-authority'
  | 'winding-up';

export interface ProcedureStep {
  id: StepId;
  text: Bilingual;
  citation: string;
  certainty: RuleCertainty;
}

export interface ProcedureRule extends LegalRule {
  form: LegalFormId;
  kind: ProcedureKind;
  /** Alternative routes (e.g. Zweckverband exit by termination right or by amendment of the statute). */
  route: string;
  steps: readonly ProcedureStep[];
  /** When the change takes effect. */
  effect: Bilingual;
}

const s = (
  id: StepId,
  de: string,
  en: string,
  citation: string,
  certainty: RuleCertainty = 'verified',
): ProcedureStep => ({
  id,
  text: { de, en },
  citation,
  certainty,
});

const ZV_VOTE = s(
  'assembly-vote',
  'Beschluss der Verbandsversammlung mit zwei Dritteln der satzungsmäßigen Stimmenzahl, soweit die Verbandssatzung nichts anderes bestimmt',
  "Resolution of the association's assembly with two thirds of the statutory votes, unless the statute provides otherwise",
  '§ 20 Abs. 1 S. 1 GkG NRW',
);
const ZV_CONSENTS = s(
  'member-consents',
  'Zustimmung einzelner oder aller Verbandsmitglieder, wenn die Verbandssatzung sie verlangt',
  'Consent of individual or all members where the statute requires it',
  '§ 20 Abs. 1 S. 1 Halbs. 2 GkG NRW',
);
const ZV_NOTIFY = s(
  'notify-authority',
  'Anzeige der Satzungsänderung bei der Aufsichtsbehörde (Freiverband)',
  'Notification of the amendment to the supervisory authority (voluntary association)',
  '§ 20 Abs. 2 S. 1 GkG NRW',
);
const ZV_PUBLISH = s(
  'publication',
  'Öffentliche Bekanntmachung nach § 11 GkG NRW',
  'Publication per § 11 GkG NRW',
  '§ 20 Abs. 4 S. 1 i. V. m. § 11 GkG NRW',
  'unverified',
);
const ZV_SETTLEMENT = s(
  'settlement',
  'Auseinandersetzung; einigen sich die Beteiligten nicht, entscheidet die Aufsichtsbehörde',
  'Settlement; if the parties do not agree, the supervisory authority decides',
  '§ 20 Abs. 1 S. 3 GkG NRW',
);
const OERV_NOTIFY = s(
  'notify-authority',
  'Anzeige bei der nach § 29 Abs. 4 GkG NRW bestimmten Aufsichtsbehörde',
  'Notification to the supervisory authority determined by § 29(4) GkG NRW',
  '§ 24 Abs. 5 S. 1 GkG NRW',
);
const OERV_PUBLISH = s(
  'authority-publishes',
  'Bekanntmachung durch die Aufsichtsbehörde in ihrem amtlichen Veröffentlichungsblatt',
  'Publication by the authority in its official gazette',
  '§ 24 Abs. 5 S. 2 i. V. m. Abs. 3 S. 1 GkG NRW',
);
const OERV_POINTER = s(
  'parties-publish-pointer',
  'Hinweis jedes Beteiligten auf die Veröffentlichung in der für seine Bekanntmachungen vorgeschriebenen Form',
  'Each party points to the publication in the form prescribed for its announcements',
  '§ 24 Abs. 5 S. 2 i. V. m. Abs. 3 S. 2 GkG NRW',
);
const COUNCILS = s(
  'council-resolutions',
  'Beschluss der Vertretung jedes beteiligten Mitglieds (oder Eil-/Dringlichkeitsentscheidung, § 60 GO NRW)',
  "Resolution of every member's council (or urgent/emergency decision, § 60 GO NRW)",
  '§ 41 Abs. 1 GO NRW; § 26 Abs. 1 KrO NRW',
  'unverified',
);
const GKU_COUNCILS = s(
  'council-resolutions',
  'Übereinstimmende Beschlüsse der Vertretungen der Träger',
  "Concurring resolutions of the owners' councils",
  '§ 27 Abs. 4 S. 1 GkG NRW',
  'reading',
);
const GKU_SUPERVISION = s(
  'notify-authority',
  'Aufsichtsbehördliches Verfahren für das gemeinsame Kommunalunternehmen (Anzeige/Genehmigung und Bekanntmachung)',
  'Supervisory procedure for the joint municipal enterprise (notification/approval and publication)',
  '§ 27 GkG NRW (weitere Absätze nicht gelesen)',
  'unverified',
);

const base = (
  id: string,
  citation: string,
  certainty: RuleCertainty,
  effectiveFrom: CalendarDate = TEXT_DATES.GKG,
) => ({
  id,
  citation,
  certainty,
  effectiveFrom,
  effectiveFromConfirmed: false,
});

const AT_EXIT: Bilingual = {
  de: 'Die Satzungsänderung wird mit dem Zeitpunkt wirksam, zu dem der Beitritt oder das Ausscheiden erfolgt (§ 20 Abs. 4 S. 2 GkG NRW).',
  en: 'The amendment takes effect when the joining or leaving takes place (§ 20(4) s. 2 GkG NRW).',
};
const OERV_EFFECT: Bilingual = {
  de: 'Wirksam am Tag nach der Bekanntmachung der Aufsichtsbehörde, soweit kein späterer Zeitpunkt bestimmt ist, frühestens mit Ablauf der Kündigungsfrist (§ 24 Abs. 5 S. 2 i. V. m. Abs. 4 GkG NRW).',
  en: "Effective on the day after the authority's publication unless a later date is set, at the earliest when the notice period has run (§ 24(5) s. 2 with subs. 4 GkG NRW).",
};

export const PROCEDURE_RULES: readonly ProcedureRule[] = [
  {
    ...base('GKG-9-2-3-ZV-EXIT', '§ 9 Abs. 2 S. 2 Nr. 3, § 20 GkG NRW', 'reading'),
    form: 'zweckverband',
    kind: 'exit',
    route: 'statutory-termination-right',
    steps: [
      s(
        'statute-termination-right',
        'Die Verbandssatzung gewährt ein Recht zur einseitigen Kündigung und regelt zugleich das Verfahren zur Auseinandersetzung',
        'The statute grants a right of unilateral termination and settles the settlement procedure with it',
        '§ 9 Abs. 2 S. 2 Nr. 3 GkG NRW',
      ),
      s(
        'termination-declared',
        'Kündigung nach der Verbandssatzung',
        'Termination as the statute provides',
        '§ 9 Abs. 2 S. 2 Nr. 3 GkG NRW',
      ),
      { ...ZV_NOTIFY, certainty: 'reading' },
      ZV_PUBLISH,
    ],
    effect: AT_EXIT,
    reading: {
      de: 'Nach der Kündigung ist das Mitgliederverzeichnis der Satzung (§ 9 Abs. 2 S. 1) anzupassen; diese Änderung wird angezeigt und bekannt gemacht.',
      en: "After the termination the statute's list of members (§ 9(2) s. 1) is amended; that amendment is notified and published.",
    },
  },
  {
    ...base('GKG-20-ZV-EXIT', '§ 20 Abs. 1, 2 und 4 GkG NRW', 'verified'),
    form: 'zweckverband',
    kind: 'exit',
    route: 'statute-amendment',
    steps: [ZV_VOTE, ZV_CONSENTS, ZV_NOTIFY, ZV_PUBLISH, ZV_SETTLEMENT],
    effect: AT_EXIT,
  },
  {
    ...base('GKG-20-ZV-DISSOLUTION', '§ 20 Abs. 1, 2, 4 und 5 GkG NRW', 'verified'),
    form: 'zweckverband',
    kind: 'dissolution',
    route: 'assembly-vote',
    steps: [
      ZV_VOTE,
      ZV_CONSENTS,
      s(
        'approval',
        'Genehmigung der Auflösung durch die Aufsichtsbehörde (Genehmigungsfiktion nach § 10 Abs. 1 S. 2)',
        'Approval of the dissolution by the supervisory authority (deemed approval per § 10(1) s. 2)',
        '§ 20 Abs. 2 S. 1 Halbs. 2, Abs. 4 S. 1 GkG NRW',
      ),
      ZV_PUBLISH,
      ZV_SETTLEMENT,
      s(
        'winding-up',
        'Der Zweckverband gilt als fortbestehend, soweit die Abwicklung es erfordert',
        'The association continues as far as the winding-up requires',
        '§ 20 Abs. 5 GkG NRW',
      ),
    ],
    effect: {
      de: 'Mit der Bekanntmachung nach § 11 GkG NRW (nicht gelesen — zu bestätigen); fortbestehend für die Abwicklung.',
      en: 'With the publication per § 11 GkG NRW (not read — to be confirmed); continuing for the winding-up.',
    },
  },
  {
    ...base('GKG-20-ZV-JOIN', '§ 20 Abs. 1, 2 und 4 GkG NRW', 'verified'),
    form: 'zweckverband',
    kind: 'join',
    route: 'statute-amendment',
    steps: [ZV_VOTE, ZV_CONSENTS, COUNCILS, ZV_NOTIFY, ZV_PUBLISH],
    effect: AT_EXIT,
    reading: {
      de: 'Der Beitritt kann die zuständige Aufsichtsbehörde ändern (§ 29 Abs. 1 GkG NRW: tritt ein Kreis oder eine kreisfreie Stadt bei, die Bezirksregierung); sie wird für die Anzeige mit den neuen Mitgliedern bestimmt. Der Beschluss des beitretenden Mitglieds ist angenommen (§ 41 GO NRW nicht gelesen).',
      en: "Joining may change the competent authority (§ 29(1) GkG NRW: if a Kreis or kreisfreie Stadt joins, the Bezirksregierung); it is derived with the new members for the notification. The joining member's own resolution is assumed (§ 41 GO NRW not read).",
    },
  },
  {
    ...base('GKG-20-ZV-AMEND', '§ 20 Abs. 1, 2 und 4 GkG NRW', 'verified'),
    form: 'zweckverband',
    kind: 'amend',
    route: 'statute-amendment',
    steps: [ZV_VOTE, ZV_CONSENTS, ZV_NOTIFY, ZV_PUBLISH],
    effect: {
      de: 'Mit der Bekanntmachung nach § 11 GkG NRW (nicht gelesen — zu bestätigen). Änderungen der Aufgaben nur einstimmig (§ 20 Abs. 1 S. 2).',
      en: 'With the publication per § 11 GkG NRW (not read — to be confirmed). Changes of the tasks only unanimously (§ 20(1) s. 2).',
    },
  },
  {
    ...base('GKG-24-5-OERV-EXIT', '§ 23 Abs. 5, § 24 Abs. 5 GkG NRW', 'verified'),
    form: 'oeffentlich-rechtliche-vereinbarung',
    kind: 'exit',
    route: 'termination',
    steps: [
      s(
        'termination-declared',
        'Kündigung nach den Bestimmungen der Vereinbarung (Voraussetzungen und Form, § 23 Abs. 5); die Frist läuft ab Zugang bei den Partnern',
        "Termination per the agreement's terms (conditions and form, § 23(5)); the notice period runs from receipt by the partners",
        '§ 23 Abs. 5 GkG NRW',
      ),
      OERV_NOTIFY,
      OERV_PUBLISH,
      OERV_POINTER,
    ],
    effect: OERV_EFFECT,
  },
  {
    ...base('GKG-24-5-OERV-DISSOLUTION', '§ 24 Abs. 5 GkG NRW', 'verified'),
    form: 'oeffentlich-rechtliche-vereinbarung',
    kind: 'dissolution',
    route: 'cancellation',
    steps: [
      s(
        'agreement-of-all',
        'Aufhebungsvereinbarung aller Beteiligten',
        'Cancellation agreed by all parties',
        '§ 24 Abs. 5 S. 1 GkG NRW',
      ),
      COUNCILS,
      OERV_NOTIFY,
      OERV_PUBLISH,
      OERV_POINTER,
    ],
    effect: OERV_EFFECT,
  },
  {
    ...base('GKG-24-OERV-AMEND', '§ 24 Abs. 1–4 GkG NRW', 'reading'),
    form: 'oeffentlich-rechtliche-vereinbarung',
    kind: 'amend',
    route: 'amendment',
    steps: [
      s(
        'agreement-of-all',
        'Schriftliche Änderungsvereinbarung aller Beteiligten',
        'Written amendment agreed by all parties',
        '§ 24 Abs. 1 S. 1 GkG NRW',
      ),
      COUNCILS,
      s(
        'approval',
        'Genehmigung (Genehmigungsfiktion)',
        'Approval (deemed approval)',
        '§ 24 Abs. 2 GkG NRW',
        'reading',
      ),
      { ...OERV_PUBLISH, citation: '§ 24 Abs. 3 S. 1 GkG NRW', certainty: 'reading' },
      { ...OERV_POINTER, citation: '§ 24 Abs. 3 S. 2 GkG NRW', certainty: 'reading' },
    ],
    effect: {
      de: 'Wie der Abschluss: am Tag nach der Bekanntmachung, soweit kein späterer Zeitpunkt bestimmt ist (§ 24 Abs. 4 GkG NRW).',
      en: 'Like the conclusion: on the day after publication unless a later date is set (§ 24(4) GkG NRW).',
    },
    reading: {
      de: 'Eine Änderung (auch der Beitritt eines weiteren Beteiligten) ist eine Vereinbarung im Sinne des § 24 und durchläuft dessen Verfahren; der Beitritt kann die zuständige Behörde nach § 29 Abs. 4 ändern.',
      en: 'An amendment (including another party joining) is an agreement within § 24 and goes through its procedure; joining may change the competent authority under § 29(4).',
    },
  },
  {
    ...base('GKG-27-28-GKU-EXIT', '§ 27 Abs. 4, § 28 Abs. 1 S. 1 Nr. 6 GkG NRW', 'reading', TEXT_DATES.GKG_GKU_STAND),
    form: 'gemeinsames-kommunalunternehmen',
    kind: 'exit',
    route: 'per-statute',
    steps: [
      s(
        'distribution-per-statute',
        'Verteilung von Unternehmensvermögen und Personal beim Austritt nach der Unternehmenssatzung',
        "Distribution of the enterprise's assets and staff on an owner's exit as the statute provides",
        '§ 28 Abs. 1 S. 1 Nr. 6 GkG NRW',
      ),
      GKU_COUNCILS,
      GKU_SUPERVISION,
    ],
    effect: { de: 'Nach der Unternehmenssatzung.', en: "As the enterprise's statute provides." },
  },
  {
    ...base(
      'GKG-27-28-GKU-DISSOLUTION',
      '§ 27 Abs. 4, § 28 Abs. 1 S. 1 Nr. 6 GkG NRW',
      'reading',
      TEXT_DATES.GKG_GKU_STAND,
    ),
    form: 'gemeinsames-kommunalunternehmen',
    kind: 'dissolution',
    route: 'per-statute',
    steps: [{ ...GKU_COUNCILS }, { ...GKU_SUPERVISION }],
    effect: { de: 'Nach der Unternehmenssatzung.', en: "As the enterprise's statute provides." },
  },
  {
    ...base('GKG-27-2-GKU-JOIN', '§ 27 Abs. 2 S. 2, Abs. 4 GkG NRW', 'verified', TEXT_DATES.GKG_GKU_STAND),
    form: 'gemeinsames-kommunalunternehmen',
    kind: 'join',
    route: 'statute-amendment',
    steps: [
      s(
        'agreement-of-all',
        'Zwischen den Beteiligten vereinbarte Änderung der Unternehmenssatzung',
        "Amendment of the enterprise's statute agreed between the parties",
        '§ 27 Abs. 2 S. 2 GkG NRW',
      ),
      GKU_COUNCILS,
      GKU_SUPERVISION,
    ],
    effect: {
      de: 'Nach der Satzungsänderung (weitere Absätze des § 27 nicht gelesen).',
      en: 'Per the amendment (further paragraphs of § 27 not read).',
    },
  },
  {
    ...base('GKG-2-3-AG-EXIT', '§§ 2–3 GkG NRW', 'unverified'),
    form: 'kommunale-arbeitsgemeinschaft',
    kind: 'exit',
    route: 'per-agreement',
    steps: [],
    effect: { de: 'Nach der Vereinbarung der Arbeitsgemeinschaft.', en: "As the working group's agreement provides." },
  },
  {
    ...base('GO-115-1-C-PRIVATE-EXIT', '§ 115 Abs. 1 S. 1 Buchst. c GO NRW', 'verified', TEXT_DATES.GO),
    form: 'private-law',
    kind: 'exit',
    route: 'sale-of-shares',
    steps: [
      COUNCILS,
      s(
        'notify-own-authority',
        'Anzeige der Veräußerung der Beteiligung durch das ausscheidende Mitglied bei seiner Aufsichtsbehörde, spätestens sechs Wochen vor Beginn des Vollzugs',
        'The leaving member notifies its own authority of the sale at the latest six weeks before execution starts',
        '§ 115 Abs. 1 S. 1 Buchst. c GO NRW',
      ),
    ],
    effect: { de: 'Nach dem Gesellschaftsvertrag.', en: 'As the articles provide.' },
  },
];

/** The procedure rules for `form` and `kind` in force on `on` — one per route. */
export function procedures(form: LegalFormId, kind: ProcedureKind, on: CalendarDate): ProcedureRule[] {
  const routes = new Set(PROCEDURE_RULES.filter((r) => r.form === form && r.kind === kind).map((r) => r.route));
  return [...routes].flatMap(
    (route) => ruleOn(PROCEDURE_RULES, on, (r) => r.form === form && r.kind === kind && r.route === route) ?? [],
  );
}
