import type { MunicipalityRef } from '../municipality';

export { HEEK, LEGDEN } from './building-yard.scenario';

/** Registry rows (migrations/data/nrw-municipalities.csv) for the legal rule tests; Kreise built as the registry builds them. */
const ref = (
  ags: string,
  name: string,
  kind: MunicipalityRef['kind'],
  district: string,
  region: string,
): MunicipalityRef => ({
  ags,
  name,
  kind,
  district,
  region,
});

export const KREIS_BORKEN = ref('05554000', 'Kreis Borken', 'Kreis', 'Kreis Borken', 'Münster');
export const ASCHEBERG = ref('05558004', 'Ascheberg', 'Gemeinde', 'Kreis Coesfeld', 'Münster');
export const MUENSTER = ref('05515000', 'Münster', 'kreisfreie Stadt', 'Münster', 'Münster');
export const TELGTE = ref('05570044', 'Telgte', 'Stadt', 'Kreis Warendorf', 'Münster');
export const KREIS_SOEST = ref('05974000', 'Kreis Soest', 'Kreis', 'Kreis Soest', 'Arnsberg');
export const SOEST = ref('05974040', 'Soest', 'Stadt', 'Kreis Soest', 'Arnsberg');
export const WERL = ref('05974052', 'Werl', 'Stadt', 'Kreis Soest', 'Arnsberg');
export const LIPPSTADT = ref('05974028', 'Lippstadt', 'Stadt', 'Kreis Soest', 'Arnsberg');
export const WERNE = ref('05978040', 'Werne', 'Stadt', 'Kreis Unna', 'Arnsberg');
export const HAMM = ref('05915000', 'Hamm', 'kreisfreie Stadt', 'Hamm', 'Arnsberg');
export const AACHEN = ref('05334002', 'Aachen', 'Stadt', 'Städteregion Aachen', 'Köln');
export const ROETGEN = ref('05334024', 'Roetgen', 'Gemeinde', 'Städteregion Aachen', 'Köln');
export const SIMMERATH = ref('05334028', 'Simmerath', 'Gemeinde', 'Städteregion Aachen', 'Köln');
