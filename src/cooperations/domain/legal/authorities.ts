import type { Ags, MunicipalityRef } from '../municipality';
import type { Bilingual } from './rule';

/*
 * Supervisory authorities as identities. Records refer to an authority by its id; display names
 * exist in both genders where a person holds the office ("Landrätin oder Landrat des Kreises …")
 * and in both languages. A recorded name is accepted when it is any of the authority's names, so a
 * correct record is never refused for the holder's gender.
 */

export type AuthorityKind = 'landrat' | 'staedteregionsrat' | 'bezirksregierung' | 'ministry';

export interface Authority {
  /** 'landrat:05554' (Kreis key), 'bezirksregierung:muenster', 'ministry:kommunales'. */
  id: string;
  kind: AuthorityKind;
  names: {
    /** The office in both genders, as the statutes name it ("Landrätin oder Landrat …"). */
    de: string;
    /** The forms a holder signs with: female, male (equal for offices not held by a person). */
    deFemale: string;
    deMale: string;
    en: string;
  };
  /** Function in the statute, e.g. 'untere staatliche Verwaltungsbehörde'. */
  role: Bilingual;
}

const REGIONS: Readonly<Record<string, string>> = {
  Arnsberg: 'arnsberg',
  Detmold: 'detmold',
  Düsseldorf: 'duesseldorf',
  Köln: 'koeln',
  Münster: 'muenster',
};

/** The five Regierungsbezirke of NRW (the registry's `region` column). */
export const REGIERUNGSBEZIRKE = Object.keys(REGIONS);

export function bezirksregierung(region: string): Authority {
  const slug = REGIONS[region];
  if (!slug) throw new RangeError(`bezirksregierung: unknown Regierungsbezirk ${region}`);
  const name = `Bezirksregierung ${region}`;
  return {
    id: `bezirksregierung:${slug}`,
    kind: 'bezirksregierung',
    names: { de: name, deFemale: name, deMale: name, en: `${name} (regional government)` },
    role: { de: 'Bezirksregierung', en: 'regional government (Bezirksregierung)' },
  };
}

/** The statutes name it by function ("das für Kommunales zuständige Ministerium", § 29 Abs. 2 GkG NRW). */
export const MINISTRY: Authority = {
  id: 'ministry:kommunales',
  kind: 'ministry',
  names: {
    de: 'Das für Kommunales zuständige Ministerium des Landes Nordrhein-Westfalen',
    deFemale: 'Das für Kommunales zuständige Ministerium des Landes Nordrhein-Westfalen',
    deMale: 'Das für Kommunales zuständige Ministerium des Landes Nordrhein-Westfalen',
    en: 'The ministry of North Rhine-Westphalia responsible for local government',
  },
  role: { de: 'oberste Aufsichtsbehörde', en: 'supreme supervisory authority' },
};

/** Genitive of districts whose name is not "Kreis X" (the registry's `district` column). */
const DISTRICT_GENITIVE: Readonly<Record<string, string>> = {
  'Ennepe-Ruhr-Kreis': 'des Ennepe-Ruhr-Kreises',
  Hochsauerlandkreis: 'des Hochsauerlandkreises',
  'Märkischer Kreis': 'des Märkischen Kreises',
  'Oberbergischer Kreis': 'des Oberbergischen Kreises',
  'Rhein-Erft-Kreis': 'des Rhein-Erft-Kreises',
  'Rhein-Kreis Neuss': 'des Rhein-Kreises Neuss',
  'Rhein-Sieg-Kreis': 'des Rhein-Sieg-Kreises',
  'Rheinisch-Bergischer Kreis': 'des Rheinisch-Bergischen Kreises',
};

const STAEDTEREGION_AACHEN = 'Städteregion Aachen';

export function districtGenitive(district: string): string {
  return DISTRICT_GENITIVE[district] ?? `des ${district.replace(/^Kreis /, 'Kreises ')}`;
}

/** The Kreis key (first five digits of any member's AGS). */
export const kreisKey = (ags: Ags): string => ags.slice(0, 5);

/**
 * The Landrätin or Landrat of the Kreis as lower state administrative authority (§ 120 Abs. 1 GO
 * NRW, § 29 Abs. 1 S. 1 Nr. 2 GkG NRW). In the Städteregion Aachen the Städteregionsrätin or
 * Städteregionsrat holds that office [general knowledge: Aachen-Gesetz, not read — to be confirmed].
 */
export function lowerStateAuthority(member: Pick<MunicipalityRef, 'ags' | 'district'>): Authority {
  const key = kreisKey(member.ags);
  if (member.district === STAEDTEREGION_AACHEN) {
    return {
      id: `staedteregionsrat:${key}`,
      kind: 'staedteregionsrat',
      names: {
        de: 'Städteregionsrätin oder Städteregionsrat der Städteregion Aachen',
        deFemale: 'Städteregionsrätin der Städteregion Aachen',
        deMale: 'Städteregionsrat der Städteregion Aachen',
        en: 'Chief executive of the Städteregion Aachen (lower state administrative authority)',
      },
      role: { de: 'untere staatliche Verwaltungsbehörde', en: 'lower state administrative authority' },
    };
  }
  const of = districtGenitive(member.district);
  return {
    id: `landrat:${key}`,
    kind: 'landrat',
    names: {
      de: `Landrätin oder Landrat ${of}`,
      deFemale: `Landrätin ${of}`,
      deMale: `Landrat ${of}`,
      en: `District Administrator (Landrat/Landrätin) of ${member.district} (lower state administrative authority)`,
    },
    role: { de: 'untere staatliche Verwaltungsbehörde', en: 'lower state administrative authority' },
  };
}

/**
 * Bodies supervised by the Bezirksregierung themselves: kreisfreie Städte (§ 120 Abs. 2 GO NRW) and
 * Kreise (§ 57 Abs. 1 KrO NRW). The city of Aachen is treated like a kreisfreie Stadt inside the
 * Städteregion [general knowledge: Aachen-Gesetz, not read — to be confirmed].
 */
const SUPERVISED_LIKE_KREISFREI: ReadonlySet<Ags> = new Set(['05334002']);

export function isUpperTier(member: Pick<MunicipalityRef, 'ags' | 'kind'>): boolean {
  return member.kind === 'Kreis' || member.kind === 'kreisfreie Stadt' || SUPERVISED_LIKE_KREISFREI.has(member.ags);
}

/** A member's own general supervisory authority (§ 120 Abs. 1–2 GO NRW; § 57 Abs. 1 KrO NRW). */
export function ownSupervisoryAuthority(member: MunicipalityRef): Authority {
  return isUpperTier(member) ? bezirksregierung(member.region) : lowerStateAuthority(member);
}

const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('de-DE');

/** True when `recorded` is the authority's id or any of its display names. */
export function isAuthority(recorded: string, authority: Authority): boolean {
  const r = fold(recorded);
  return [authority.id, ...Object.values(authority.names)].some((n) => fold(n) === r);
}
