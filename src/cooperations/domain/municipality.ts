/** Amtlicher Gemeindeschlüssel (official municipality key), 8 digits; NRW keys start with `05`. */
export type Ags = string;

/**
 * Kinds of public bodies that cooperate. `Kreis` (district) is not in the municipality registry's
 * CSV but is a body of its own: its AGS is the first five digits of its members' keys + `000`.
 */
export type MunicipalityKind = 'kreisfreie Stadt' | 'Stadt' | 'Gemeinde' | 'Kreis';

export const MUNICIPALITY_KINDS: readonly MunicipalityKind[] = ['kreisfreie Stadt', 'Stadt', 'Gemeinde', 'Kreis'];

/**
 * A municipality as the registry knows it. The HTTP adapter looks it up and puts it on the event;
 * the domain trusts it, so a cooperation keeps the data it was decided with.
 */
export interface MunicipalityRef {
  ags: Ags;
  name: string;
  kind: MunicipalityKind;
  /** Kreis (e.g. `Kreis Borken`), or the city itself when kreisfrei, or the Kreis' own name. */
  district: string;
  /** Regierungsbezirk (administrative region), e.g. `Münster`. */
  region: string;
}

// The domain decides cooperations of NRW municipalities only.
export { isNrwAgs } from '../../common/domain/identifiers';
