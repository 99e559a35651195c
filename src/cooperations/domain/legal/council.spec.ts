import { councilDecisionRequirement, decisionGaps } from './council';
import { checkNotApplicable, checkWaiver, noticePeriodRequired, OBLIGATION_NATURE } from './obligation-nature';

describe('§ 60 GO NRW — council decisions, urgent and emergency decisions', () => {
  it('§ 60 Abs. 1 S. 1–2 GO NRW: Rat, Hauptausschuss or Dringlichkeitsentscheidung for a Gemeinde', () => {
    expect(councilDecisionRequirement('zweckverband', 'Gemeinde').routes.map((r) => r.route)).toEqual([
      'rat',
      'hauptausschuss',
      'dringlichkeitsentscheidung',
    ]);
  });

  it('§ 60 Abs. 1 S. 3 GO NRW: an urgent or emergency decision must go to the Rat for approval', () => {
    const req = councilDecisionRequirement('oeffentlich-rechtliche-vereinbarung', 'Stadt');
    expect(decisionGaps(req, { route: 'dringlichkeitsentscheidung' })).toEqual(['councilApprovedOn']);
    expect(decisionGaps(req, { route: 'hauptausschuss', councilApprovedOn: '2026-05-05' })).toEqual([]);
    expect(decisionGaps(req, { route: 'rat' })).toEqual([]);
  });

  it('§ 26 KrO NRW: a Kreis decides through its Kreistag', () => {
    const req = councilDecisionRequirement('zweckverband', 'Kreis');
    expect(decisionGaps(req, { route: 'rat' })).toEqual(['route:kreistag']);
  });

  it('§ 27 Abs. 4 S. 1 GkG NRW: gKU owners need concurring resolutions', () => {
    expect(councilDecisionRequirement('gemeinsames-kommunalunternehmen', 'Gemeinde').basis).toContain(
      '§ 27 Abs. 4 S. 1 GkG NRW',
    );
  });

  it('§§ 2–3 GkG NRW: an Arbeitsgemeinschaft needs no council decision', () => {
    expect(councilDecisionRequirement('kommunale-arbeitsgemeinschaft', 'Gemeinde')).toMatchObject({
      required: false,
      routes: [],
    });
  });
});

describe('statutory duties and good practice ([P4]–[P8] vs GkG/GO NRW)', () => {
  it('[P6]/[P7]/[P8]: recommended obligations can be waived with a reason; statutory ones cannot', () => {
    expect(checkWaiver('OBL-STEERING-BODY', 'Zwei Kommunen, Abstimmung im Verwaltungsvorstand genügt')).toBeUndefined();
    expect(checkWaiver('OBL-STEERING-BODY', '  ')).toBe('reason-required');
    expect(checkWaiver('OBL-SUPERVISORY-STEP', 'eilig')).toBe('statutory');
    expect(checkWaiver('OBL-CONTACT-AUTHORITY', 'x')).toBe('not-waivable');
  });

  it('[P7] "ggfs.": vehicles and equipment may be marked not applicable, other parts not', () => {
    expect(checkNotApplicable('OBL-EXIT-PLAN', 'vehiclesAndEquipment', 'Reine Verwaltungsaufgabe')).toBeUndefined();
    expect(checkNotApplicable('OBL-EXIT-PLAN', 'it', 'keine IT')).toBe('part-not-marked-ggfs');
    expect(checkNotApplicable('OBL-EXIT-TERMS', 'vehiclesAndEquipment', '')).toBe('reason-required');
  });

  it('§ 23 Abs. 5 GkG NRW: a notice period is statutory only for unlimited or > 20-year agreements; otherwise "none" is valid', () => {
    expect(
      noticePeriodRequired('oeffentlich-rechtliche-vereinbarung', { start: '2026-01-01', end: '2030-12-31' }).required,
    ).toBe(false);
    expect(noticePeriodRequired('oeffentlich-rechtliche-vereinbarung', { start: '2026-01-01' }).required).toBe(true);
    expect(OBLIGATION_NATURE['OBL-EXIT-TERMS'].nature.kind).toBe('conditional');
  });
});
