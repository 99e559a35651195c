import type { LegalFormId } from './legal-form-ids';
import type { MunicipalityKind } from '../municipality';
import { type Bilingual, type LegalRule, TEXT_DATES } from './rule';

/*
 * Who decides for a member. The council (Rat, § 41 Abs. 1 GO NRW; for a Kreis the Kreistag, § 26
 * KrO NRW) — or, when the council cannot be convened in time, the Hauptausschuss (Eilentscheidung,
 * § 60 Abs. 1 S. 1 GO NRW), and when that cannot be convened either and the decision cannot wait,
 * the Bürgermeisterin or Bürgermeister with one council member (Dringlichkeitsentscheidung, § 60
 * Abs. 1 S. 2). Both go to the council at its next meeting for approval (S. 3); it may set them
 * aside unless third-party rights have arisen (S. 4).
 */

export type DecisionRoute = 'rat' | 'kreistag' | 'hauptausschuss' | 'dringlichkeitsentscheidung';

export interface DecisionRouteRule extends LegalRule {
  route: DecisionRoute;
  name: Bilingual;
  appliesTo: readonly MunicipalityKind[];
  /** The decision must be put to the council at its next meeting for approval. */
  councilApprovalRequired: boolean;
}

export const DECISION_ROUTES: readonly DecisionRouteRule[] = [
  {
    id: 'GO-41-1',
    route: 'rat',
    name: { de: 'Beschluss des Rates', en: 'resolution of the council' },
    appliesTo: ['Gemeinde', 'Stadt', 'kreisfreie Stadt'],
    councilApprovalRequired: false,
    citation: '§ 41 Abs. 1 GO NRW',
    effectiveFrom: TEXT_DATES.GO,
    effectiveFromConfirmed: false,
    certainty: 'unverified',
    reading: {
      de: '§ 41 GO NRW nicht gelesen; Zuständigkeit des Rates für den Abschluss nach der bisherigen Regel des Katalogs — zu bestätigen.',
      en: "§ 41 GO NRW not read; the council's competence as the catalog had it — to be confirmed.",
    },
  },
  {
    id: 'GO-60-1-S1',
    route: 'hauptausschuss',
    name: { de: 'Eilentscheidung des Hauptausschusses', en: 'urgent decision of the main committee' },
    appliesTo: ['Gemeinde', 'Stadt', 'kreisfreie Stadt'],
    councilApprovalRequired: true,
    citation: '§ 60 Abs. 1 S. 1 und 3 GO NRW',
    effectiveFrom: TEXT_DATES.GO,
    effectiveFromConfirmed: false,
    certainty: 'verified',
  },
  {
    id: 'GO-60-1-S2',
    route: 'dringlichkeitsentscheidung',
    name: {
      de: 'Dringlichkeitsentscheidung der Bürgermeisterin oder des Bürgermeisters mit einem Ratsmitglied',
      en: 'emergency decision of the mayor with one council member',
    },
    appliesTo: ['Gemeinde', 'Stadt', 'kreisfreie Stadt'],
    councilApprovalRequired: true,
    citation: '§ 60 Abs. 1 S. 2 und 3 GO NRW',
    effectiveFrom: TEXT_DATES.GO,
    effectiveFromConfirmed: false,
    certainty: 'verified',
  },
  {
    id: 'KRO-26',
    route: 'kreistag',
    name: { de: 'Beschluss des Kreistags', en: 'resolution of the district council' },
    appliesTo: ['Kreis'],
    councilApprovalRequired: false,
    citation: '§ 26 Abs. 1 KrO NRW',
    effectiveFrom: TEXT_DATES.KRO,
    effectiveFromConfirmed: false,
    certainty: 'unverified',
    reading: {
      de: '§ 26 KrO NRW nicht gelesen; die Eil- und Dringlichkeitsregeln der Kreisordnung (Kreisausschuss) sind nicht erfasst — zu bestätigen.',
      en: "§ 26 KrO NRW not read; the KrO's urgency rules (Kreisausschuss) are not modelled — to be confirmed.",
    },
  },
];

export interface CouncilDecisionRequirement {
  required: boolean;
  routes: readonly DecisionRouteRule[];
  basis: string;
  reading?: Bilingual;
}

/** Which decision a member needs for the legal form, and by which routes it may be taken. */
export function councilDecisionRequirement(form: LegalFormId, kind: MunicipalityKind): CouncilDecisionRequirement {
  if (form === 'kommunale-arbeitsgemeinschaft') {
    return {
      required: false,
      routes: [],
      basis: '§§ 2–3 GkG NRW',
      reading: {
        de: 'Eine Arbeitsgemeinschaft bindet ihre Mitglieder nicht; ein Ratsbeschluss ist keine gesetzliche Voraussetzung (Lesart, § 41 GO NRW nicht gelesen).',
        en: 'A working group does not bind its members; a council resolution is not a statutory condition (reading; § 41 GO NRW not read).',
      },
    };
  }
  const routes = DECISION_ROUTES.filter((r) => r.appliesTo.includes(kind));
  const basis = form === 'gemeinsames-kommunalunternehmen' ? '§ 27 Abs. 4 S. 1 GkG NRW; ' : '';
  return { required: true, routes, basis: basis + routes.map((r) => r.citation).join('; ') };
}

export interface RecordedDecision {
  route: DecisionRoute;
  /** For Eil- and Dringlichkeitsentscheidungen: the council's later approval (§ 60 Abs. 1 S. 3). */
  councilApprovedOn?: string;
}

/** Missing pieces of a recorded decision: an unknown route, or the council's approval still due. */
export function decisionGaps(req: CouncilDecisionRequirement, decision: RecordedDecision): string[] {
  const route = req.routes.find((r) => r.route === decision.route);
  if (!route) return [`route:${req.routes.map((r) => r.route).join('|')}`];
  return route.councilApprovalRequired && !decision.councilApprovedOn ? ['councilApprovedOn'] : [];
}
