import type { CalendarDate } from '../calendar';
import type { LegalFormId } from './legal-form-ids';
import type { Ags, MunicipalityRef } from '../municipality';
import {
  type Authority,
  bezirksregierung,
  isUpperTier,
  lowerStateAuthority,
  MINISTRY,
  ownSupervisoryAuthority,
} from './authorities';
import { type Bilingual, type LegalRule, ruleOn, TEXT_DATES } from './rule';

/*
 * Which supervisory authority is competent, per legal form, as dated rules. Read § 29 GkG NRW in
 * full first (docs/legal-forms.md has the text and the readings): the GkG's own competence rules
 * come first; § 120 Abs. 5 GO NRW governs matters under the GO only.
 */

type Strategy =
  /** § 29 Abs. 1 GkG NRW: by the seat; Bezirksregierung if a Kreis or kreisfreie Stadt is a member. */
  | 'by-seat'
  /** § 29 Abs. 4 S. 2 GkG NRW: by the body that takes over or performs the task. */
  | 'by-task-body'
  /** § 115 GO NRW: each member notifies its own authority. */
  | 'per-member'
  | 'none';

export interface CompetenceRule extends LegalRule {
  form: LegalFormId;
  strategy: Strategy;
}

export const COMPETENCE_RULES: readonly CompetenceRule[] = [
  {
    id: 'GKG-29-1-ZV',
    form: 'zweckverband',
    strategy: 'by-seat',
    citation: '§ 29 Abs. 1 S. 1 GkG NRW',
    effectiveFrom: TEXT_DATES.GKG,
    effectiveFromConfirmed: false,
    certainty: 'verified',
  },
  {
    id: 'GKG-29-1-S2-GKU',
    form: 'gemeinsames-kommunalunternehmen',
    strategy: 'by-seat',
    citation: '§ 29 Abs. 1 S. 2 i. V. m. S. 1 GkG NRW',
    effectiveFrom: TEXT_DATES.GKG_GKU_STAND,
    effectiveFromConfirmed: false,
    certainty: 'verified',
  },
  {
    id: 'GKG-29-4-S2-OERV',
    form: 'oeffentlich-rechtliche-vereinbarung',
    strategy: 'by-task-body',
    citation: '§ 29 Abs. 4 S. 2 GkG NRW',
    effectiveFrom: TEXT_DATES.GKG,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: {
      de: 'Gelesen: Nr. 1 — die Bezirksregierung, zu deren Bezirk die Körperschaft gehört oder in deren Bezirk sie ihren Sitz hat, die die Aufgabe für die anderen Beteiligten übernimmt oder durchführt; Anlass (nach der älteren Fassung): Kreise oder kreisfreie Städte beteiligt. Nicht vollständig gelesen: Nr. 2 („in den übrigen Fällen“). Angenommen: dann die Landrätin oder der Landrat des Kreises dieser Körperschaft — zu bestätigen.',
      en: 'Read: no. 1 — the Bezirksregierung of the region the body belongs to or has its seat in that takes over or performs the task for the others; trigger (per the older wording): Kreise or kreisfreie Städte take part. Not read in full: no. 2 ("in all other cases"). Assumed: then the Landrat of that body\'s Kreis — to be confirmed.',
    },
  },
  {
    id: 'GO-115-120-PRIVATE',
    form: 'private-law',
    strategy: 'per-member',
    citation: '§ 115 Abs. 1 i. V. m. § 120 Abs. 1–2 GO NRW; § 57 Abs. 1 KrO NRW',
    effectiveFrom: TEXT_DATES.GO,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: {
      de: 'Die Anzeige ist Sache jeder Gemeinde gegenüber ihrer eigenen Aufsichtsbehörde. § 120 Abs. 5 GO NRW greift nicht, weil eine Anzeige keine Genehmigung oder Entscheidung der Aufsichtsbehörde ist.',
      en: "The notification is each municipality's own duty towards its own authority. § 120(5) GO NRW does not apply: a notification is neither an approval nor a decision of the authority.",
    },
  },
  {
    id: 'GKG-2-3-AG',
    form: 'kommunale-arbeitsgemeinschaft',
    strategy: 'none',
    citation: '§§ 2–3 GkG NRW',
    effectiveFrom: TEXT_DATES.GKG,
    effectiveFromConfirmed: false,
    certainty: 'unverified',
    reading: {
      de: 'Kein aufsichtsbehördliches Verfahren angenommen; § 3 GkG NRW nicht vollständig gelesen — zu bestätigen.',
      en: 'No supervisory procedure assumed; § 3 GkG NRW not read in full — to be confirmed.',
    },
  },
];

/**
 * Participants the municipality registry does not hold but § 29 GkG NRW names: another Land or its
 * bodies, the Bund, the Land NRW, Gemeindeverbände with Kreise/kreisfreie Städte/the Land among
 * their members (e.g. a Landschaftsverband, the Regionalverband Ruhr).
 */
export type OtherParticipant =
  'other-land-or-its-body' | 'bund' | 'land-nrw' | 'landschaftsverband' | 'rvr' | 'verband-with-upper-members';

/** A designation the deciding authority made (ordinance, letter), as recorded by the user. */
export interface AuthorityDesignation {
  authority: Authority;
  designatedBy: Authority;
  designatedOn: CalendarDate;
  /** E.g. 'GV. NRW. 2026 S. 123' or the letter's file number. */
  reference: string;
}

export interface CompetenceQuery {
  form: LegalFormId;
  members: readonly MunicipalityRef[];
  others?: readonly OtherParticipant[];
  designation?: AuthorityDesignation;
  /** Zweckverband, gKU: the seat (a municipality of the registry). */
  seat?: MunicipalityRef;
  /** Öffentlich-rechtliche Vereinbarung: the member that takes over or performs the task. */
  taskBody?: Ags;
  /** Date of the legal act (e.g. receipt of the application); the rule in force then applies. */
  on: CalendarDate;
}

export type Competence =
  | { status: 'determined'; authority: Authority; rule: CompetenceRule; basis: string; warnings: Bilingual[] }
  /** The statute names an authority that decides or designates; the designation must be recorded. */
  | {
      status: 'designation-required';
      designatedBy: Authority;
      /** What the engine would take without a designation (its reading), for the user to confirm. */
      proposed: Authority;
      rule: CompetenceRule;
      basis: string;
      warnings: Bilingual[];
    }
  | { status: 'per-member'; members: Array<{ ags: Ags; authority: Authority }>; rule: CompetenceRule; basis: string }
  | { status: 'none'; rule: CompetenceRule; basis: string; warnings: Bilingual[] }
  /** Not derivable yet: `missing` names what is needed ('seat', 'taskBody', 'members', 'rule'). */
  | { status: 'incomplete'; missing: string[] };

const regions = (members: readonly MunicipalityRef[]) => new Set(members.map((m) => m.region));
const districts = (members: readonly MunicipalityRef[]) => new Set(members.map((m) => m.district));

const UNVERIFIED_NO2: Bilingual = {
  de: 'Zuständigkeit nach § 29 Abs. 4 S. 2 Nr. 2 GkG NRW (Beteiligte nur kreisangehörig, aus mehreren Kreisen) ist eine Lesart: der Wortlaut von Nr. 2 konnte nicht vollständig geprüft werden. Bitte mit der Aufsichtsbehörde bestätigen.',
  en: 'Competence under § 29(4) s. 2 no. 2 GkG NRW (only kreisangehörige members, from several Kreise) is a reading: the wording of no. 2 could not be checked in full. Please confirm with the authority.',
};

const SEVERAL_REGIONS_OERV: Bilingual = {
  de: 'Beteiligte aus mehreren Regierungsbezirken: die zuständige Behörde ist nicht sicher ableitbar. Früher hat das Ministerium in solchen Fällen die zuständige Bezirksregierung bestimmt (z. B. GV. NW. 1995 S. 918). Bitte die Bestimmung oder Bestätigung erfassen; bis dahin ist die Behörde nur vorgeschlagen.',
  en: 'Members from several administrative regions: the competent authority cannot be derived with certainty. In the past the ministry designated the competent Bezirksregierung in such cases (e.g. GV. NW. 1995 p. 918). Please record the designation or confirmation; until then the authority is only proposed.',
};

/** The competent supervisory authority for the legal act on `query.on`. */
export function deriveCompetence(query: CompetenceQuery): Competence {
  const rule = ruleOn(COMPETENCE_RULES, query.on, (r) => r.form === query.form);
  if (!rule) return { status: 'incomplete', missing: ['rule'] };
  const { members } = query;
  if (rule.strategy === 'none') {
    return { status: 'none', rule, basis: rule.citation, warnings: rule.reading ? [rule.reading] : [] };
  }
  if (members.length === 0) return { status: 'incomplete', missing: ['members'] };
  if (rule.strategy === 'per-member') {
    return {
      status: 'per-member',
      rule,
      basis: rule.citation,
      members: members.map((m) => ({ ags: m.ags, authority: ownSupervisoryAuthority(m) })),
    };
  }
  const others = new Set(query.others ?? []);
  const upper = members.some(isUpperTier) || others.size > 0;
  if (rule.strategy === 'by-seat') {
    if (!query.seat) return { status: 'incomplete', missing: ['seat'] };
    if (query.form === 'gemeinsames-kommunalunternehmen' && (others.has('landschaftsverband') || others.has('rvr'))) {
      return { status: 'determined', authority: MINISTRY, rule, basis: '§ 29 Abs. 1 S. 2 GkG NRW', warnings: [] };
    }
    const authority = upper ? bezirksregierung(query.seat.region) : lowerStateAuthority(query.seat);
    return { status: 'determined', authority, rule, basis: `${rule.citation} Nr. ${upper ? 1 : 2}`, warnings: [] };
  }
  const taskBody = members.find((m) => m.ags === query.taskBody);
  if (!taskBody) return { status: 'incomplete', missing: ['taskBody'] };
  if (upper) {
    return {
      status: 'determined',
      authority: bezirksregierung(taskBody.region),
      rule,
      basis: `${rule.citation} Nr. 1`,
      warnings: [],
    };
  }
  const proposed = lowerStateAuthority(taskBody);
  const basis = `${rule.citation} Nr. 2`;
  const warnings: Bilingual[] = districts(members).size > 1 ? [UNVERIFIED_NO2] : [];
  if (regions(members).size === 1) return { status: 'determined', authority: proposed, rule, basis, warnings };
  if (query.designation) return designated(query.designation, rule);
  return {
    status: 'designation-required',
    designatedBy: MINISTRY,
    proposed,
    rule,
    basis,
    warnings: [...warnings, SEVERAL_REGIONS_OERV],
  };
}

function designated(d: AuthorityDesignation, rule: CompetenceRule): Competence {
  const basis = `${rule.citation}; Bestimmung durch ${d.designatedBy.names.de} vom ${d.designatedOn} (${d.reference})`;
  return { status: 'determined', authority: d.authority, rule, basis, warnings: [] };
}

/**
 * § 120 Abs. 5 GO NRW, for matters under the GO that need the authority's approval or decision:
 * with municipalities of several Kreise or Regierungsbezirke the common next-higher authority (or
 * the one it designates) is competent. Within one Regierungsbezirk that is the Bezirksregierung
 * (§ 120 Abs. 3); across Regierungsbezirke the Ministry (§ 120 Abs. 3–4), which may designate.
 */
export const GO_COMMON_AUTHORITY_RULE: LegalRule = {
  id: 'GO-120-5',
  citation: '§ 120 Abs. 5 GO NRW',
  effectiveFrom: TEXT_DATES.GO,
  effectiveFromConfirmed: false,
  certainty: 'verified',
};

export function goCommonAuthority(
  members: readonly MunicipalityRef[],
): { authority: Authority; designationPossible: boolean; designationRequired: boolean } | undefined {
  if (members.length === 0) return undefined;
  const own = new Set(members.map((m) => ownSupervisoryAuthority(m).id));
  if (own.size === 1) {
    return { authority: ownSupervisoryAuthority(members[0]), designationPossible: false, designationRequired: false };
  }
  const rs = [...regions(members)];
  if (rs.length === 1) {
    return { authority: bezirksregierung(rs[0]), designationPossible: true, designationRequired: false };
  }
  return { authority: MINISTRY, designationPossible: true, designationRequired: true };
}
