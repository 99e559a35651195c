import type { CalendarDate } from './calendar';
import type { FormSpecificExitStep } from './events';
import { type Authority, isAuthority, ownSupervisoryAuthority } from './legal/authorities';
import { deriveCompetence } from './legal/competence';
import { LEGAL_FORM_IDS, type LegalFormId, ORV_VARIANTS, type OrvVariant } from './legal/legal-form-ids';
import type { Ags, MunicipalityRef } from './municipality';
import type { Bilingual } from './obligations.catalog';

/*
 * Legal forms of inter-municipal cooperation in NRW as data (see docs legal-forms.md); the
 * supervisory procedure per form and act is in legal/supervisory.ts. A change of
 * law is a new rule with its own `effectiveFrom`, not a code change. [V] = checked against the
 * statute text, [GK] = general knowledge, kept configurable.
 */

export { LEGAL_FORM_IDS, type LegalFormId, ORV_VARIANTS, type OrvVariant } from './legal/legal-form-ids';

/** The fields of REQUEST_EXIT's `formSpecificStep`. */
export type ExitStepField = keyof FormSpecificExitStep;

/**
 * The step a partner's exit needs besides the contract's notice period (OBL-EXIT-FORM-STEP):
 * evidence carried by REQUEST_EXIT as `formSpecificStep`.
 */
export interface ExitRule {
  kind: 'per-agreement' | 'termination-notified' | 'assembly-vote' | 'per-statute' | 'per-articles-notified';
  text: Bilingual;
  /** Fields of `formSpecificStep` that must be given (non-blank). */
  required: readonly ExitStepField[];
  /** Alternative routes (`formSpecificStep.route`), each with its own fields; the first is the default. */
  routes?: Readonly<Record<string, { required: readonly ExitStepField[]; majority: boolean; basis: string }>>;
  /** The authority notified is the leaving member's own (§ 115 GO NRW), not the cooperation's. */
  ownAuthority?: boolean;
  /** Assembly vote: the share of the statutory votes needed unless the statute sets another. */
  majority?: { numerator: number; denominator: number };
  /** The notified authority must be the competent supervisory authority. */
  notifyCompetentAuthority?: boolean;
  /** The notification must reach the authority at least this many weeks before the exit. */
  weeksAhead?: number;
  basis: string;
  source: 'V' | 'GK';
}

export interface LegalFormRule {
  form: LegalFormId;
  /** German name, kept as the legal term. */
  name: string;
  /** English gloss. */
  gloss: string;
  paragraphs: string;
  variants: readonly OrvVariant[];
  /** What a partner's exit needs in this form [P7]. */
  exit: ExitRule;
  /** Basis of the competent supervisory authority. */
  authorityBasis: string;
  /** First day this rule applies (the consolidated statute text it was taken from). */
  effectiveFrom: CalendarDate;
  source: 'V' | 'GK';
}

// GkG NRW as promulgated on 1 Oct 1979 (as amended); GO NRW as promulgated on 14 July 1994 (as amended).
const GKG = '1979-10-01';
const GO = '1994-07-14';

export const LEGAL_FORM_RULES: readonly LegalFormRule[] = [
  {
    form: 'kommunale-arbeitsgemeinschaft',
    name: 'Kommunale Arbeitsgemeinschaft',
    gloss: 'municipal working group (no legal personality)',
    paragraphs: '§§ 2–3 GkG NRW',
    variants: [],
    exit: {
      kind: 'per-agreement',
      text: {
        de: 'Ausscheiden nach der Vereinbarung der Arbeitsgemeinschaft; die herangezogene Regelung ist anzugeben.',
        en: 'Leaving as the working-group agreement provides; the clause relied on is named.',
      },
      required: ['provision'],
      basis: '§§ 2–3 GkG NRW',
      source: 'GK',
    },
    authorityBasis: '§ 120 GO NRW',
    effectiveFrom: GKG,
    source: 'GK',
  },
  {
    form: 'oeffentlich-rechtliche-vereinbarung',
    name: 'Öffentlich-rechtliche Vereinbarung',
    gloss: 'public-law agreement (delegating or mandating)',
    paragraphs: '§§ 23–26 GkG NRW',
    variants: ORV_VARIANTS,
    exit: {
      kind: 'termination-notified',
      text: {
        de: 'Die Kündigung der öffentlich-rechtlichen Vereinbarung ist der zuständigen Aufsichtsbehörde angezeigt; sie wird öffentlich bekannt gemacht (§ 24 Abs. 5 GkG NRW).',
        en: 'The termination of the public-law agreement has been notified to the competent supervisory authority; it is published (§ 24(5) GkG NRW).',
      },
      required: ['authority', 'notifiedOn'],
      notifyCompetentAuthority: true,
      basis: '§ 24 Abs. 5 GkG NRW',
      source: 'V',
    },
    authorityBasis: '§ 29 Abs. 4 GkG NRW',
    effectiveFrom: GKG,
    source: 'V',
  },
  {
    form: 'zweckverband',
    name: 'Zweckverband',
    gloss: 'special-purpose association (statute: Verbandssatzung)',
    paragraphs: '§§ 4–22 GkG NRW',
    variants: [],
    exit: {
      kind: 'assembly-vote',
      text: {
        de: 'Ausscheiden durch Änderung der Verbandssatzung mit zwei Dritteln der satzungsmäßigen Stimmenzahl, soweit die Satzung nichts anderes bestimmt (§ 20 Abs. 1 GkG NRW), oder durch Kündigung nach einem Kündigungsrecht der Satzung (§ 9 Abs. 2 S. 2 Nr. 3 GkG NRW); die Änderung ist der Aufsichtsbehörde angezeigt und bekannt gemacht (§ 20 Abs. 2 und 4 GkG NRW).',
        en: 'Leaving by amendment of the statute with two thirds of the statutory votes unless the statute provides otherwise (§ 20(1) GkG NRW), or by a termination right of the statute (§ 9(2) s. 2 no. 3 GkG NRW); the amendment is notified to the authority and published (§ 20(2) and (4) GkG NRW).',
      },
      required: ['voteDate', 'votesFor', 'votesTotal', 'authority', 'notifiedOn', 'publishedOn'],
      majority: { numerator: 2, denominator: 3 },
      notifyCompetentAuthority: true,
      routes: {
        'statute-amendment': {
          required: ['voteDate', 'votesFor', 'votesTotal', 'authority', 'notifiedOn', 'publishedOn'],
          majority: true,
          basis: '§ 20 Abs. 1, 2 und 4 GkG NRW',
        },
        'termination-right': {
          required: ['provision', 'authority', 'notifiedOn', 'publishedOn'],
          majority: false,
          basis: '§ 9 Abs. 2 S. 2 Nr. 3, § 20 Abs. 2 und 4 GkG NRW',
        },
      },
      basis: '§ 20 Abs. 1 GkG NRW',
      source: 'V',
    },
    authorityBasis: '§ 29 Abs. 1 GkG NRW',
    effectiveFrom: GKG,
    source: 'V',
  },
  {
    form: 'gemeinsames-kommunalunternehmen',
    name: 'Gemeinsames Kommunalunternehmen',
    gloss: 'joint municipal enterprise (AöR, statute: Unternehmenssatzung)',
    paragraphs: '§§ 27–28 GkG NRW',
    variants: [],
    exit: {
      kind: 'per-statute',
      text: {
        de: 'Ausscheiden nach der Unternehmenssatzung, die die Verteilung von Vermögen und Personal beim Ausscheiden eines Trägers regelt (§ 28 Abs. 1 Nr. 6 GkG NRW); die Satzungsregelung ist anzugeben.',
        en: "Leaving as the enterprise's statute provides, which settles assets and staff when an owner leaves (§ 28(1) no. 6 GkG NRW); the statute's clause is named.",
      },
      required: ['provision'],
      basis: '§ 28 Abs. 1 Nr. 6 GkG NRW',
      source: 'V',
    },
    authorityBasis: '§ 29 Abs. 1 GkG NRW',
    effectiveFrom: GKG,
    source: 'GK',
  },
  {
    form: 'private-law',
    name: 'Privatrechtliche Gesellschaft (z. B. GmbH)',
    gloss: 'private-law company',
    paragraphs: '§§ 107 ff. GO NRW',
    variants: [],
    exit: {
      kind: 'per-articles-notified',
      text: {
        de: 'Ausscheiden nach dem Gesellschaftsvertrag; die Veräußerung der Anteile ist der Aufsichtsbehörde spätestens sechs Wochen vor dem Vollzug angezeigt (§ 115 Abs. 1 GO NRW).',
        en: 'Leaving as the articles provide; the sale of the shares has been notified to the supervisory authority at least six weeks before it takes effect (§ 115(1) GO NRW).',
      },
      required: ['provision', 'authority', 'notifiedOn'],
      notifyCompetentAuthority: true,
      ownAuthority: true,
      weeksAhead: 6,
      basis: '§ 115 Abs. 1 GO NRW',
      source: 'V',
    },
    authorityBasis: '§ 120 GO NRW',
    effectiveFrom: GO,
    source: 'V',
  },
];

/** The rule for `form` in force on `on`: the one with the latest `effectiveFrom` ≤ `on`. */
export function legalFormRule(form: LegalFormId, on: CalendarDate): LegalFormRule | undefined {
  return LEGAL_FORM_RULES.filter((r) => r.form === form && r.effectiveFrom <= on).sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? 1 : -1,
  )[0];
}

export function isLegalFormId(value: unknown): value is LegalFormId {
  return typeof value === 'string' && (LEGAL_FORM_IDS as readonly string[]).includes(value);
}

// ---- competent supervisory authority --------------------------------------------------------

export interface CompetentAuthority {
  kind: 'Landrat' | 'Städteregionsrat' | 'Bezirksregierung' | 'Ministerium';
  /** Stable id of the authority (see legal/authorities.ts), e.g. 'landrat:05554'. */
  id: string;
  /** As records have named it so far (male form for offices), e.g. 'Landrat des Kreises Borken'. */
  name: string;
  /** All display names; a record naming any of them names this authority. */
  names: Authority['names'];
  basis: string;
  /** Set when the derivation rests on a reading or needs a designation a lawyer should confirm. */
  caveat?: { de: string; en: string };
}

const KIND: Readonly<Record<Authority['kind'], CompetentAuthority['kind']>> = {
  landrat: 'Landrat',
  staedteregionsrat: 'Städteregionsrat',
  bezirksregierung: 'Bezirksregierung',
  ministry: 'Ministerium',
};

const toCompetent = (authority: Authority, basis: string, warnings: readonly Bilingual[]): CompetentAuthority => ({
  kind: KIND[authority.kind],
  id: authority.id,
  name: authority.names.deMale,
  names: authority.names,
  basis,
  ...(warnings.length > 0
    ? { caveat: { de: warnings.map((w) => w.de).join(' '), en: warnings.map((w) => w.en).join(' ') } }
    : {}),
});

/** True when a recorded authority (id or any display name) is `authority`. */
export function isCompetentAuthority(recorded: string, authority: CompetentAuthority): boolean {
  return isAuthority(recorded, { id: authority.id, names: authority.names } as Authority);
}

/**
 * The supervisory authority competent for a cooperation of `members` with seat `seat` (for an
 * öffentlich-rechtliche Vereinbarung: the member that takes over or performs the task), by the
 * rules of legal/competence.ts in force on `on`. Private-law forms notify per member (§ 115 GO
 * NRW): this returns the seat member's own authority and says so; use `deriveCompetence` for all.
 */
export function competentAuthority(
  form: LegalFormId,
  members: readonly MunicipalityRef[],
  seat: Ags,
  on: CalendarDate,
): CompetentAuthority {
  const seatRef = members.find((m) => m.ags === seat) ?? members[0];
  const c = deriveCompetence({ form, members, seat: seatRef, taskBody: seatRef?.ags, on });
  switch (c.status) {
    case 'determined':
      return toCompetent(c.authority, c.basis, c.warnings);
    case 'designation-required':
      return toCompetent(c.proposed, c.basis, c.warnings);
    case 'per-member':
    case 'none': {
      const own =
        c.status === 'per-member'
          ? c.members.find((m) => m.ags === seatRef.ags)!.authority
          : ownSupervisoryAuthority(seatRef);
      return toCompetent(own, c.basis, [PER_MEMBER]);
    }
    case 'incomplete':
      return toCompetent(ownSupervisoryAuthority(seatRef), '§ 120 Abs. 1–2 GO NRW', [incomplete(c.missing)]);
  }
}

const incomplete = (missing: readonly string[]): Bilingual => ({
  de: `Zuständigkeit nicht ableitbar (fehlt: ${missing.join(', ')}); genannt ist die Aufsichtsbehörde des Sitzes. Bitte bestätigen lassen.`,
  en: `Competence cannot be derived (missing: ${missing.join(', ')}); the seat's supervisory authority is named. Please have it confirmed.`,
});

const PER_MEMBER: Bilingual = {
  de: 'Jedes Mitglied zeigt bei seiner eigenen Aufsichtsbehörde an; genannt ist die Behörde des Sitzes.',
  en: "Each member notifies its own supervisory authority; the seat member's authority is named.",
};
