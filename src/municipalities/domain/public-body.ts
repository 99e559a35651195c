/** The kinds of public body the registry holds (the lifecycle supports a subset, see its domain). */
export const MUNICIPALITY_KINDS = [
  'kreisfreie Stadt',
  'Stadt',
  'Gemeinde',
  'Kreis',
  'Landschaftsverband',
  'Regionalverband',
  'Zweckverband',
  'sonstige Körperschaft',
] as const;
export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];

/** A public body of the registry, keyed by its AGS (Amtlicher Gemeindeschlüssel). */
export interface PublicBody {
  ags: string;
  name: string;
  kind: MunicipalityKind;
  district: string | null;
  region: string | null;
  land: string;
}
