import fc from 'fast-check';
import {
  addDays,
  addDuration,
  addMonths,
  addWorkingDays,
  easterSunday,
  endOfDayInGermany,
  germanDate,
  isNrwWorkingDay,
  nrwHoliday,
  nrwHolidays,
  startOfDayInGermany,
  toEndOf,
  weekday,
} from './calendar';

describe('easterSunday (Gregorian computus)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'], // latest possible
    [2285, '2285-03-22'], // earliest possible
    [2000, '2000-04-23'],
    [1818, '1818-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(weekday(date)).toBe(0);
  });
});

describe('NRW public holidays', () => {
  it('2027: the movable ones follow Easter on 28 March', () => {
    expect([...nrwHolidays(2027)]).toEqual([
      ['2027-01-01', 'Neujahr'],
      ['2027-03-26', 'Karfreitag'],
      ['2027-03-29', 'Ostermontag'],
      ['2027-05-01', 'Tag der Arbeit'],
      ['2027-05-06', 'Christi Himmelfahrt'],
      ['2027-05-17', 'Pfingstmontag'],
      ['2027-05-27', 'Fronleichnam'],
      ['2027-10-03', 'Tag der Deutschen Einheit'],
      ['2027-11-01', 'Allerheiligen'],
      ['2027-12-25', '1. Weihnachtstag'],
      ['2027-12-26', '2. Weihnachtstag'],
    ]);
  });

  it('Heiligabend and Silvester are working days; Reformationstag only in 2017', () => {
    expect(isNrwWorkingDay('2026-12-24')).toBe(true);
    expect(isNrwWorkingDay('2026-12-31')).toBe(true);
    expect(nrwHoliday('2017-10-31')).toMatch(/Reformationstag/);
    expect(nrwHoliday('2018-10-31')).toBeUndefined();
  });

  it('Himmelfahrt on 1 May keeps both names (2008)', () => {
    expect(nrwHoliday('2008-05-01')).toBe('Tag der Arbeit / Christi Himmelfahrt');
  });
});

describe('addWorkingDays (NRW)', () => {
  it('skips Karfreitag and Ostermontag 2027', () => {
    // Thu 25 Mar 2027 + 1 → Tue 30 Mar (Fri 26 holiday, weekend, Mon 29 holiday)
    expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
    expect(addWorkingDays('2027-03-24', 2)).toBe('2027-03-30');
    expect(addWorkingDays('2027-03-30', -1)).toBe('2027-03-25');
  });

  it('skips Christmas and New Year', () => {
    // Wed 23 Dec 2026 + 1 → Thu 24 (working), + 2 → Mon 28 (Fri 25, Sat 26 holiday/weekend)
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-24');
    expect(addWorkingDays('2026-12-23', 2)).toBe('2026-12-28');
    // Thu 31 Dec 2026 + 1 → Sat/Sun… Fri 1 Jan 2027 is Neujahr → Mon 4 Jan 2027
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    // Fri 24 Dec 2027 + 1 → Mon 27 Dec (25/26 fall on the weekend)
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-27');
  });

  it('counts 20 working days across Pentecost and Fronleichnam 2027', () => {
    // From Mon 10 May 2027: holidays Mon 17 May (Pfingstmontag) and Thu 27 May (Fronleichnam)
    expect(addWorkingDays('2027-05-10', 20)).toBe('2027-06-09');
  });

  it('0 days returns the date itself; non-integers are refused', () => {
    expect(addWorkingDays('2027-03-26', 0)).toBe('2027-03-26');
    expect(() => addWorkingDays('2027-03-26', 1.5)).toThrow(RangeError);
  });

  it('never lands on a weekend or holiday, and counts exactly n working days (property)', () => {
    const date = fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 300 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(isNrwWorkingDay(end)).toBe(true);
        let count = 0;
        for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isNrwWorkingDay(d)) count++;
        expect(count).toBe(n);
        expect(addWorkingDays(end, -n) <= start).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-01-01', 12, '2028-01-01'],
    ['2027-08-31', -18, '2026-02-28'],
  ])('%s %+i months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDuration and toEndOf', () => {
  it('adds a contract duration of each unit', () => {
    expect(addDuration('2027-03-20', { amount: 28, unit: 'calendar-days' })).toBe('2027-04-17');
    expect(addDuration('2027-03-20', { amount: 5, unit: 'working-days' })).toBe('2027-03-30'); // Sat → Mon 22 … Thu 25, Tue 30
    expect(addDuration('2030-03-15', { amount: 12, unit: 'months' })).toBe('2031-03-15');
  });

  it.each([
    ['2031-03-15', 'calendar-year', '2031-12-31'],
    ['2031-12-31', 'calendar-year', '2031-12-31'],
    ['2031-01-01', 'quarter', '2031-03-31'],
    ['2031-05-20', 'quarter', '2031-06-30'],
    ['2031-09-30', 'quarter', '2031-09-30'],
    ['2031-11-02', 'quarter', '2031-12-31'],
  ] as const)('%s to the end of the %s → %s', (date, end, expected) => {
    expect(toEndOf(date, end)).toBe(expected);
  });
});

describe('days in Germany', () => {
  it('starts a day at 00:00 CET in winter and 00:00 CEST in summer', () => {
    expect(startOfDayInGermany('2027-01-01').toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(startOfDayInGermany('2027-07-01').toISOString()).toBe('2027-06-30T22:00:00.000Z');
    // the DST switch days
    expect(startOfDayInGermany('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(startOfDayInGermany('2027-10-31').toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(endOfDayInGermany('2027-03-31').toISOString()).toBe('2027-03-31T22:00:00.000Z');
  });

  it('round-trips with germanDate (property)', () => {
    const date = fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, (d) => {
        const start = startOfDayInGermany(d);
        expect(germanDate(start)).toBe(d);
        expect(germanDate(new Date(start.getTime() - 1))).toBe(addDays(d, -1));
      }),
    );
  });
});
