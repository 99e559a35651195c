import { supervisoryRule } from './legal/supervisory';
import { districtGenitive } from './legal/authorities';
import { competentAuthority, isCompetentAuthority, LEGAL_FORM_IDS, legalFormRule } from './legal-forms';
import {
  AACHEN,
  ASCHEBERG,
  HAMM,
  KREIS_SOEST,
  LIPPSTADT,
  MUENSTER,
  ROETGEN,
  SIMMERATH,
  SOEST,
  TELGTE,
  WERL,
  WERNE,
} from '../../../test/fixtures/municipalities';
import { HEEK, LEGDEN, SCHOEPPINGEN } from '../../../test/fixtures/building-yard.scenario';

const ON = '2026-11-26';

describe('competentAuthority (legacy adapter over legal/competence.ts)', () => {
  it('§ 29 Abs. 4 S. 2 GkG NRW: building yard, kreisangehörige Gemeinden of one Kreis → Landrat des Kreises Borken', () => {
    expect(
      competentAuthority('oeffentlich-rechtliche-vereinbarung', [HEEK, LEGDEN, SCHOEPPINGEN], HEEK.ags, ON),
    ).toEqual({
      kind: 'Landrat',
      id: 'landrat:05554',
      name: 'Landrat des Kreises Borken',
      names: expect.objectContaining({
        de: 'Landrätin oder Landrat des Kreises Borken',
        deFemale: 'Landrätin des Kreises Borken',
      }),
      basis: '§ 29 Abs. 4 S. 2 GkG NRW Nr. 2',
    });
  });

  it('§ 29 Abs. 4 S. 2 Nr. 1 GkG NRW: Münster (kreisfrei) performs for Telgte → Bezirksregierung Münster', () => {
    expect(
      competentAuthority('oeffentlich-rechtliche-vereinbarung', [MUENSTER, TELGTE], MUENSTER.ags, ON),
    ).toMatchObject({
      kind: 'Bezirksregierung',
      name: 'Bezirksregierung Münster',
      basis: '§ 29 Abs. 4 S. 2 GkG NRW Nr. 1',
    });
  });

  it('§ 29 Abs. 1 S. 1 Nr. 1 GkG NRW: Zweckverband of Kreis Soest with Soest, Werl, Lippstadt → Bezirksregierung Arnsberg', () => {
    expect(competentAuthority('zweckverband', [KREIS_SOEST, SOEST, WERL, LIPPSTADT], SOEST.ags, ON)).toMatchObject({
      kind: 'Bezirksregierung',
      name: 'Bezirksregierung Arnsberg',
      basis: '§ 29 Abs. 1 S. 1 GkG NRW Nr. 1',
    });
  });

  // Was: Bezirksregierung Münster under § 120 GO NRW — a defect; § 29 Abs. 4 S. 2 GkG NRW locates
  // the authority by the task-taking body, and § 120 Abs. 5 GO NRW covers only matters under the GO.
  it('§ 29 Abs. 4 S. 2 GkG NRW: kreisangehörige parties from two Kreise → Landrat of the task body (Heek), flagged as reading', () => {
    const a = competentAuthority('oeffentlich-rechtliche-vereinbarung', [HEEK, ASCHEBERG], HEEK.ags, ON);
    expect(a).toMatchObject({
      kind: 'Landrat',
      name: 'Landrat des Kreises Borken',
      basis: '§ 29 Abs. 4 S. 2 GkG NRW Nr. 2',
    });
    expect(a.caveat?.de).toContain('Nr. 2');
  });

  // Was: Bezirksregierung Arnsberg "of the seat" under § 120 GO NRW. With a kreisfreie Stadt among
  // the parties § 29 Abs. 4 S. 2 Nr. 1 GkG NRW names the Bezirksregierung of the task body (Hamm).
  it('§ 29 Abs. 4 S. 2 Nr. 1 GkG NRW: parties from two Regierungsbezirke with Hamm (kreisfrei) as task body → Bezirksregierung Arnsberg', () => {
    const a = competentAuthority('oeffentlich-rechtliche-vereinbarung', [ASCHEBERG, WERNE, HAMM], HAMM.ags, ON);
    expect(a).toMatchObject({
      kind: 'Bezirksregierung',
      name: 'Bezirksregierung Arnsberg',
      basis: '§ 29 Abs. 4 S. 2 GkG NRW Nr. 1',
    });
  });

  it('§ 120 Abs. 2 GO NRW [general knowledge, Aachen-Gesetz]: treats the city of Aachen like a kreisfreie Stadt', () => {
    expect(competentAuthority('zweckverband', [AACHEN, ROETGEN], AACHEN.ags, ON).name).toBe('Bezirksregierung Köln');
    expect(competentAuthority('zweckverband', [SIMMERATH, ROETGEN], ROETGEN.ags, ON).name).toBe(
      'Städteregionsrat der Städteregion Aachen',
    );
  });

  it('accepts a record naming the authority in the female form or by id (no string match on a male title)', () => {
    const a = competentAuthority('oeffentlich-rechtliche-vereinbarung', [HEEK, LEGDEN], HEEK.ags, ON);
    expect(isCompetentAuthority('Landrätin des Kreises Borken', a)).toBe(true);
    expect(isCompetentAuthority(' landrat  des Kreises Borken ', a)).toBe(true);
    expect(isCompetentAuthority('landrat:05554', a)).toBe(true);
    expect(isCompetentAuthority('Bezirksregierung Münster', a)).toBe(false);
  });

  it('puts district names into the genitive', () => {
    expect(districtGenitive('Kreis Borken')).toBe('des Kreises Borken');
    expect(districtGenitive('Hochsauerlandkreis')).toBe('des Hochsauerlandkreises');
    expect(districtGenitive('Rhein-Kreis Neuss')).toBe('des Rhein-Kreises Neuss');
    expect(districtGenitive('Märkischer Kreis')).toBe('des Märkischen Kreises');
  });
});

describe('legal form rules', () => {
  it('has a rule in force today for every form', () => {
    for (const form of LEGAL_FORM_IDS) expect(legalFormRule(form, '2026-11-26')?.form).toBe(form);
  });

  it('encodes the supervisory steps of legal-forms.md (one source: legal/supervisory.ts)', () => {
    const kind = (f: (typeof LEGAL_FORM_IDS)[number]) => supervisoryRule(f, 'conclusion', '2026-11-26')!.kind;
    expect(kind('kommunale-arbeitsgemeinschaft')).toBe('none');
    expect(kind('oeffentlich-rechtliche-vereinbarung')).toBe('approval');
    expect(kind('zweckverband')).toBe('approval');
    expect(kind('gemeinsames-kommunalunternehmen')).toBe('notification');
    expect(kind('private-law')).toBe('notification-6-weeks-ahead');
  });

  it('applies no rule before it took effect', () => {
    expect(legalFormRule('zweckverband', '1970-01-01')).toBeUndefined();
  });
});
