import type { MunicipalityRef } from '../municipality';
import { ASCHEBERG, HAMM, HEEK, KREIS_BORKEN, LEGDEN, WERNE } from '../../../../test/fixtures/municipalities';
import { MINISTRY } from './authorities';
import { deriveCompetence, goCommonAuthority } from './competence';

const ON = '2026-03-02';

const authorityOf = (c: ReturnType<typeof deriveCompetence>) =>
  c.status === 'determined' ? c.authority.names.de : c.status;

describe('§ 29 Abs. 1 S. 1 GkG NRW — Zweckverband by its seat', () => {
  it('§ 29 Abs. 1 S. 1 Nr. 2: only kreisangehörige members → Landrätin oder Landrat of the seat’s Kreis', () => {
    const c = deriveCompetence({ form: 'zweckverband', members: [HEEK, LEGDEN], seat: HEEK, on: ON });
    expect(c).toMatchObject({ status: 'determined', basis: '§ 29 Abs. 1 S. 1 GkG NRW Nr. 2', warnings: [] });
    expect(authorityOf(c)).toBe('Landrätin oder Landrat des Kreises Borken');
  });

  it('§ 29 Abs. 1 S. 1 Nr. 2: members in several Kreise → still the seat’s Kreis (Coesfeld), no switch to the Bezirksregierung', () => {
    const c = deriveCompetence({ form: 'zweckverband', members: [HEEK, ASCHEBERG], seat: ASCHEBERG, on: ON });
    expect(authorityOf(c)).toBe('Landrätin oder Landrat des Kreises Coesfeld');
  });

  it('§ 29 Abs. 1 S. 1 Nr. 2: members in several Regierungsbezirke → the seat’s Kreis (Unna), without a caveat', () => {
    const c = deriveCompetence({ form: 'zweckverband', members: [ASCHEBERG, WERNE], seat: WERNE, on: ON });
    expect(c).toMatchObject({ status: 'determined', warnings: [] });
    expect(authorityOf(c)).toBe('Landrätin oder Landrat des Kreises Unna');
  });

  it('§ 29 Abs. 1 S. 1 Nr. 1: a Kreis is a member → Bezirksregierung of the seat', () => {
    const c = deriveCompetence({ form: 'zweckverband', members: [KREIS_BORKEN, HEEK], seat: HEEK, on: ON });
    expect(c).toMatchObject({ status: 'determined', basis: '§ 29 Abs. 1 S. 1 GkG NRW Nr. 1' });
    expect(authorityOf(c)).toBe('Bezirksregierung Münster');
  });

  it('§ 29 Abs. 1 S. 1 Nr. 1: a kreisfreie Stadt of another Regierungsbezirk is a member → Bezirksregierung of the seat (Münster), not of Hamm', () => {
    const c = deriveCompetence({ form: 'zweckverband', members: [HAMM, ASCHEBERG], seat: ASCHEBERG, on: ON });
    expect(authorityOf(c)).toBe('Bezirksregierung Münster');
  });

  it('§ 29 Abs. 1 S. 1 Nr. 1: a Landschaftsverband as member → Bezirksregierung of the seat', () => {
    const c = deriveCompetence({
      form: 'zweckverband',
      members: [HEEK],
      others: ['landschaftsverband'],
      seat: HEEK,
      on: ON,
    });
    expect(authorityOf(c)).toBe('Bezirksregierung Münster');
  });

  it('§ 29 Abs. 1 GkG NRW: without a seat the authority is not guessed', () => {
    expect(deriveCompetence({ form: 'zweckverband', members: [HEEK, LEGDEN], on: ON })).toEqual({
      status: 'incomplete',
      missing: ['seat'],
    });
  });
});

describe('§ 29 Abs. 1 S. 2 GkG NRW — gemeinsames Kommunalunternehmen', () => {
  it('§ 29 Abs. 1 S. 2 i. V. m. S. 1 Nr. 2: kreisangehörige owners in several Kreise → Landrat of the seat', () => {
    const c = deriveCompetence({
      form: 'gemeinsames-kommunalunternehmen',
      members: [HEEK, ASCHEBERG],
      seat: HEEK,
      on: ON,
    });
    expect(authorityOf(c)).toBe('Landrätin oder Landrat des Kreises Borken');
  });

  it('§ 29 Abs. 1 S. 2 i. V. m. S. 1 Nr. 2: kreisangehörige owners in several Regierungsbezirke → Landrat of the seat, no caveat', () => {
    const c = deriveCompetence({
      form: 'gemeinsames-kommunalunternehmen',
      members: [ASCHEBERG, WERNE],
      seat: ASCHEBERG,
      on: ON,
    });
    expect(c).toMatchObject({ status: 'determined', warnings: [] });
    expect(authorityOf(c)).toBe('Landrätin oder Landrat des Kreises Coesfeld');
  });

  it('§ 29 Abs. 1 S. 2 i. V. m. S. 1 Nr. 1: a Kreis as owner → Bezirksregierung of the seat', () => {
    const c = deriveCompetence({
      form: 'gemeinsames-kommunalunternehmen',
      members: [KREIS_BORKEN, HEEK],
      seat: HEEK,
      on: ON,
    });
    expect(authorityOf(c)).toBe('Bezirksregierung Münster');
  });

  it('§ 29 Abs. 1 S. 2 i. V. m. S. 1 Nr. 1: a kreisfreie Stadt as owner → Bezirksregierung of the seat', () => {
    const c = deriveCompetence({
      form: 'gemeinsames-kommunalunternehmen',
      members: [HAMM, WERNE],
      seat: WERNE,
      on: ON,
    });
    expect(authorityOf(c)).toBe('Bezirksregierung Arnsberg');
  });

  it('§ 29 Abs. 1 S. 2: the Regionalverband Ruhr as owner → the Ministry', () => {
    const c = deriveCompetence({
      form: 'gemeinsames-kommunalunternehmen',
      members: [WERNE],
      others: ['rvr'],
      seat: WERNE,
      on: ON,
    });
    expect(c).toMatchObject({ status: 'determined', authority: MINISTRY, basis: '§ 29 Abs. 1 S. 2 GkG NRW' });
  });

  it('§ 29 Abs. 1 S. 2: no verified rule before the stand of the text read → the engine says it does not know', () => {
    expect(
      deriveCompetence({ form: 'gemeinsames-kommunalunternehmen', members: [HEEK], seat: HEEK, on: '2020-01-01' }),
    ).toEqual({
      status: 'incomplete',
      missing: ['rule'],
    });
  });
});

describe('§ 29 Abs. 4 S. 2 GkG NRW — öffentlich-rechtliche Vereinbarung by the task-taking body', () => {
  const orv = (members: MunicipalityRef[], taskBody: MunicipalityRef) =>
    deriveCompetence({ form: 'oeffentlich-rechtliche-vereinbarung', members, taskBody: taskBody.ags, on: ON });

  it('§ 29 Abs. 4 S. 2 Nr. 2 (reading): one Kreis → its Landrat', () => {
    expect(orv([HEEK, LEGDEN], LEGDEN)).toMatchObject({ status: 'determined', warnings: [] });
  });

  it('§ 29 Abs. 4 S. 2 Nr. 2 (reading): several Kreise → the Kreis of the body performing the task, with a caveat', () => {
    const c = orv([HEEK, ASCHEBERG], ASCHEBERG);
    expect(authorityOf(c)).toBe('Landrätin oder Landrat des Kreises Coesfeld');
    expect(c.status === 'determined' && c.warnings).toHaveLength(1);
  });

  it('§ 29 Abs. 4 S. 2 Nr. 1: a kreisfreie Stadt takes part → Bezirksregierung of the task body’s region (Arnsberg for Hamm)', () => {
    expect(authorityOf(orv([ASCHEBERG, HAMM], HAMM))).toBe('Bezirksregierung Arnsberg');
    expect(authorityOf(orv([ASCHEBERG, HAMM], ASCHEBERG))).toBe('Bezirksregierung Münster');
  });

  it('§ 29 Abs. 4 S. 2: kreisangehörige parties in several Regierungsbezirke → designation required, Landrat proposed', () => {
    const c = orv([ASCHEBERG, WERNE], WERNE);
    expect(c).toMatchObject({ status: 'designation-required', designatedBy: MINISTRY });
    expect(c.status === 'designation-required' && c.proposed.names.de).toBe('Landrätin oder Landrat des Kreises Unna');
  });

  it('§ 29 Abs. 4 S. 2: a recorded designation decides', () => {
    const proposed = orv([ASCHEBERG, WERNE], WERNE);
    if (proposed.status !== 'designation-required') throw new Error('expected designation-required');
    const c = deriveCompetence({
      form: 'oeffentlich-rechtliche-vereinbarung',
      members: [ASCHEBERG, WERNE],
      taskBody: WERNE.ags,
      on: ON,
      designation: {
        authority: proposed.proposed,
        designatedBy: MINISTRY,
        designatedOn: '2026-02-10',
        reference: 'Az. 31-46.01',
      },
    });
    expect(c).toMatchObject({ status: 'determined', authority: proposed.proposed });
    expect(c.status === 'determined' && c.basis).toContain('Az. 31-46.01');
  });

  it('§ 29 Abs. 4 S. 2: without the task body the authority is not guessed', () => {
    expect(deriveCompetence({ form: 'oeffentlich-rechtliche-vereinbarung', members: [HEEK, LEGDEN], on: ON })).toEqual({
      status: 'incomplete',
      missing: ['taskBody'],
    });
  });
});

describe('§ 115 Abs. 1, § 120 Abs. 1–2 GO NRW — private-law forms notify per member', () => {
  it('§ 120 Abs. 1–2 GO NRW, § 57 Abs. 1 KrO NRW: each member’s own authority', () => {
    const c = deriveCompetence({ form: 'private-law', members: [HEEK, HAMM, KREIS_BORKEN], on: ON });
    expect(c.status === 'per-member' && c.members.map((m) => m.authority.id)).toEqual([
      'landrat:05554',
      'bezirksregierung:arnsberg',
      'bezirksregierung:muenster',
    ]);
  });
});

describe('§§ 2–3 GkG NRW — kommunale Arbeitsgemeinschaft', () => {
  it('§§ 2–3 GkG NRW: no supervisory authority, flagged as unverified', () => {
    const c = deriveCompetence({ form: 'kommunale-arbeitsgemeinschaft', members: [HEEK, LEGDEN], on: ON });
    expect(c).toMatchObject({ status: 'none', rule: { certainty: 'unverified' } });
  });
});

describe('§ 120 Abs. 5 GO NRW — common next-higher authority for matters under the GO', () => {
  it('§ 120 Abs. 5 GO NRW: one Kreis → its Landrat; several Kreise → Bezirksregierung; several Regierungsbezirke → Ministry or its designee', () => {
    expect(goCommonAuthority([HEEK, LEGDEN])?.authority.id).toBe('landrat:05554');
    expect(goCommonAuthority([HEEK, ASCHEBERG])).toMatchObject({
      authority: { id: 'bezirksregierung:muenster' },
      designationPossible: true,
      designationRequired: false,
    });
    expect(goCommonAuthority([HEEK, WERNE])).toMatchObject({ authority: MINISTRY, designationRequired: true });
  });
});
