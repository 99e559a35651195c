import { followOnPeriodEnd, latestDayBefore, statutoryPeriodEnd } from './periods';

const FOUR_WEEKS = { amount: 4, unit: 'weeks' } as const;

describe('§ 31 VwVfG NRW with §§ 187–188 BGB', () => {
  it('§ 187 Abs. 1, § 188 Abs. 2 BGB: four weeks from a Monday receipt end on the Monday four weeks later', () => {
    expect(statutoryPeriodEnd('2026-03-02', FOUR_WEEKS)).toEqual({ endsOn: '2026-03-30', nominalEnd: '2026-03-30' });
  });

  it('§ 31 Abs. 3 VwVfG NRW: a period ending on a Saturday ends on the next working day', () => {
    expect(statutoryPeriodEnd('2026-03-07', FOUR_WEEKS)).toEqual({
      endsOn: '2026-04-07',
      nominalEnd: '2026-04-04',
      shiftedBecause: 'Samstag',
    });
  });

  it('§ 31 Abs. 3 VwVfG NRW: a period ending on an NRW holiday (Christi Himmelfahrt) ends on the next working day', () => {
    expect(statutoryPeriodEnd('2026-04-16', FOUR_WEEKS)).toEqual({
      endsOn: '2026-05-15',
      nominalEnd: '2026-05-14',
      shiftedBecause: 'Christi Himmelfahrt',
    });
  });

  it('§ 188 Abs. 3 BGB: a month from 31 January ends on the last day of February', () => {
    expect(statutoryPeriodEnd('2027-01-31', { amount: 1, unit: 'months' }).nominalEnd).toBe('2027-02-28');
  });

  it('§ 190 BGB: a further period runs from the (shifted) end of the first', () => {
    expect(followOnPeriodEnd(statutoryPeriodEnd('2026-04-16', FOUR_WEEKS), FOUR_WEEKS).endsOn).toBe('2026-06-12');
  });

  it('§§ 187, 188 BGB analogously: "at the latest six weeks before" 4 Jan 2027 → 22 Nov 2026', () => {
    expect(latestDayBefore('2027-01-04', { amount: 6, unit: 'weeks' })).toBe('2026-11-22');
  });
});
