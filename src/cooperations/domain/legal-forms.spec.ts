import { competentAuthority, landratOf, LEGAL_FORM_IDS, legalFormRule } from './legal-forms';
import type { MunicipalityRef } from './municipality';
import { HEEK, LEGDEN, SCHOEPPINGEN } from '../../../test/fixtures/building-yard.scenario';

const ref = (ags: string, name: string, kind: MunicipalityRef['kind'], district: string, region: string) => ({
  ags,
  name,
  kind,
  district,
  region,
});
const MUENSTER = ref('05515000', 'Münster', 'kreisfreie Stadt', 'Münster', 'Münster');
const TELGTE = ref('05570044', 'Telgte', 'Stadt', 'Kreis Warendorf', 'Münster');
const KREIS_SOEST = ref('05974000', 'Kreis Soest', 'Kreis', 'Kreis Soest', 'Arnsberg');
const SOEST = ref('05974040', 'Soest', 'Stadt', 'Kreis Soest', 'Arnsberg');
const WERL = ref('05974052', 'Werl', 'Stadt', 'Kreis Soest', 'Arnsberg');
const LIPPSTADT = ref('05974028', 'Lippstadt', 'Stadt', 'Kreis Soest', 'Arnsberg');
const ASCHEBERG = ref('05558004', 'Ascheberg', 'Gemeinde', 'Kreis Coesfeld', 'Münster');
const HAMM = ref('05915000', 'Hamm', 'kreisfreie Stadt', 'Hamm', 'Arnsberg');
const WERNE = ref('05978040', 'Werne', 'Stadt', 'Kreis Unna', 'Arnsberg');

describe('competentAuthority', () => {
  it('building yard: kreisangehörige Gemeinden of one Kreis → Landrat of that Kreis', () => {
    expect(competentAuthority('oeffentlich-rechtliche-vereinbarung', [HEEK, LEGDEN, SCHOEPPINGEN], HEEK.ags)).toEqual({
      kind: 'Landrat',
      name: 'Landrat des Kreises Borken',
      basis: '§ 29 Abs. 4 GkG NRW',
    });
  });

  it('Münster (kreisfrei) + Telgte (Kreis Warendorf) → Bezirksregierung Münster', () => {
    expect(competentAuthority('oeffentlich-rechtliche-vereinbarung', [MUENSTER, TELGTE], MUENSTER.ags)).toEqual({
      kind: 'Bezirksregierung',
      name: 'Bezirksregierung Münster',
      basis: '§ 29 Abs. 4 GkG NRW',
    });
  });

  it('Zweckverband of Kreis Soest with Soest, Werl, Lippstadt → Bezirksregierung Arnsberg (§ 29 Abs. 1)', () => {
    expect(competentAuthority('zweckverband', [KREIS_SOEST, SOEST, WERL, LIPPSTADT], SOEST.ags)).toEqual({
      kind: 'Bezirksregierung',
      name: 'Bezirksregierung Arnsberg',
      basis: '§ 29 Abs. 1 GkG NRW',
    });
  });

  it('kreisangehörige members from different Kreise → common next-higher authority (§ 120 GO NRW)', () => {
    expect(competentAuthority('oeffentlich-rechtliche-vereinbarung', [HEEK, ASCHEBERG], HEEK.ags)).toEqual({
      kind: 'Bezirksregierung',
      name: 'Bezirksregierung Münster',
      basis: '§ 120 GO NRW',
    });
  });

  it('members from different Regierungsbezirke → Bezirksregierung of the seat, flagged', () => {
    const a = competentAuthority('oeffentlich-rechtliche-vereinbarung', [ASCHEBERG, WERNE, HAMM], HAMM.ags);
    expect(a).toMatchObject({
      kind: 'Bezirksregierung',
      name: 'Bezirksregierung Arnsberg',
      basis: '§ 120 GO NRW',
    });
    expect(a.caveat?.de).toContain('Ministerium');
  });

  it('treats the city of Aachen like a kreisfreie Stadt', () => {
    const aachen = ref('05334002', 'Aachen', 'Stadt', 'Städteregion Aachen', 'Köln');
    const roetgen = ref('05334024', 'Roetgen', 'Gemeinde', 'Städteregion Aachen', 'Köln');
    const simmerath = ref('05334028', 'Simmerath', 'Gemeinde', 'Städteregion Aachen', 'Köln');
    expect(competentAuthority('zweckverband', [aachen, roetgen], aachen.ags).name).toBe('Bezirksregierung Köln');
    expect(competentAuthority('zweckverband', [simmerath, roetgen], roetgen.ags).name).toBe(
      'Städteregionsrat der Städteregion Aachen',
    );
  });

  it('puts district names into the genitive', () => {
    expect(landratOf('Kreis Borken')).toBe('Landrat des Kreises Borken');
    expect(landratOf('Hochsauerlandkreis')).toBe('Landrat des Hochsauerlandkreises');
    expect(landratOf('Rhein-Kreis Neuss')).toBe('Landrat des Rhein-Kreises Neuss');
    expect(landratOf('Märkischer Kreis')).toBe('Landrat des Märkischen Kreises');
  });
});

describe('legal form rules', () => {
  it('has a rule in force today for every form', () => {
    for (const form of LEGAL_FORM_IDS) expect(legalFormRule(form, '2026-11-26')?.form).toBe(form);
  });

  it('encodes the supervisory steps of legal-forms.md', () => {
    const kind = (f: (typeof LEGAL_FORM_IDS)[number]) => legalFormRule(f, '2026-11-26')!.supervisory;
    expect(kind('kommunale-arbeitsgemeinschaft').kind).toBe('none');
    expect(kind('oeffentlich-rechtliche-vereinbarung')).toMatchObject({
      kind: 'approval',
      fictionWeeks: 4,
      fictionExtensionWeeks: 4,
    });
    expect(kind('zweckverband').kind).toBe('approval');
    expect(kind('gemeinsames-kommunalunternehmen').kind).toBe('notification');
    expect(kind('private-law')).toMatchObject({
      kind: 'notification-6-weeks-ahead',
      weeksAhead: 6,
    });
  });

  it('applies no rule before it took effect', () => {
    expect(legalFormRule('zweckverband', '1970-01-01')).toBeUndefined();
  });
});
