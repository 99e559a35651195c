/**
 * Calendar dates (`YYYY-MM-DD`) as councils, authorities and gazettes use them. "Today" is the date
 * in Germany, not in UTC: a resolution dated today must be accepted at 00:30 in Heek.
 *
 * Deadlines are counted as contracts count them: calendar days, months (a month later on the same
 * day, clamped to the month's last day: 31 Jan + 1 month = 28/29 Feb), or working days in NRW
 * (Monday to Friday except NRW's public holidays). A deadline that ends on a date runs until the end
 * of that day in Germany; `startOfDayInGermany(addDays(date, 1))` is the instant it has passed.
 */
export type CalendarDate = string;

/** ISO 8601 instant in UTC, e.g. `2026-03-02T09:00:00.000Z`. */
export type Instant = string;

const BERLIN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const BERLIN_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The calendar date in Germany at instant `now`. */
export function germanDate(now: Date): CalendarDate {
  return BERLIN.format(now);
}

const utc = (date: CalendarDate): Date => new Date(`${date}T00:00:00Z`);
const iso = (d: Date): CalendarDate => d.toISOString().slice(0, 10);

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Same day `months` later (or earlier), clamped to the last day of a shorter month. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(d, last))));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return utc(date).getUTCDay();
}

/** Easter Sunday of `year` (Gregorian calendar; anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(new Date(Date.UTC(year, month - 1, day)));
}

const holidayCache = new Map<number, ReadonlyMap<CalendarDate, string>>();

/**
 * Public holidays in NRW (Feiertagsgesetz NW § 2): Neujahr, Karfreitag, Ostermontag, Tag der Arbeit,
 * Christi Himmelfahrt, Pfingstmontag, Fronleichnam, Tag der Deutschen Einheit, Allerheiligen,
 * 1. and 2. Weihnachtstag. Easter and Whit Sunday are Sundays anyway. Heiligabend and Silvester
 * are not public holidays. 2017 had the Reformationstag (31 Oct) once, nationwide.
 */
export function nrwHolidays(year: number): ReadonlyMap<CalendarDate, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const y = String(year).padStart(4, '0');
  const entries: Array<[CalendarDate, string]> = [
    [`${y}-01-01`, 'Neujahr'],
    [addDays(easter, -2), 'Karfreitag'],
    [addDays(easter, 1), 'Ostermontag'],
    [`${y}-05-01`, 'Tag der Arbeit'],
    [addDays(easter, 39), 'Christi Himmelfahrt'],
    [addDays(easter, 50), 'Pfingstmontag'],
    [addDays(easter, 60), 'Fronleichnam'],
    [`${y}-10-03`, 'Tag der Deutschen Einheit'],
    [`${y}-11-01`, 'Allerheiligen'],
    [`${y}-12-25`, '1. Weihnachtstag'],
    [`${y}-12-26`, '2. Weihnachtstag'],
  ];
  if (year === 2017) entries.push(['2017-10-31', 'Reformationstag (500. Jahrestag)']);
  // Christi Himmelfahrt can fall on 1 May (e.g. 2008): keep both names.
  const map = new Map<CalendarDate, string>();
  for (const [date, name] of entries) map.set(date, map.has(date) ? `${map.get(date)} / ${name}` : name);
  const sorted = new Map([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
  holidayCache.set(year, sorted);
  return sorted;
}

export function nrwHoliday(date: CalendarDate): string | undefined {
  return nrwHolidays(Number(date.slice(0, 4))).get(date);
}

/** Monday to Friday and not an NRW public holiday. */
export function isNrwWorkingDay(date: CalendarDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && nrwHoliday(date) === undefined;
}

/**
 * `days` working days after `date` (before it, when negative): the n-th NRW working day following
 * it. `date` itself never counts, so the result of n ≥ 1 is always a working day; 0 returns `date`.
 */
export function addWorkingDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`addWorkingDays: ${days} is not an integer`);
  const step = days < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(days); left > 0;) {
    current = addDays(current, step);
    if (isNrwWorkingDay(current)) left--;
  }
  return current;
}

export type DurationUnit = 'calendar-days' | 'working-days' | 'months';

/** A contract's period: calendar days, working days in NRW, or months. */
export function addDuration(date: CalendarDate, duration: { amount: number; unit: DurationUnit }): CalendarDate {
  switch (duration.unit) {
    case 'calendar-days':
      return addDays(date, duration.amount);
    case 'working-days':
      return addWorkingDays(date, duration.amount);
    case 'months':
      return addMonths(date, duration.amount);
  }
}

export type PeriodEnd = 'quarter' | 'calendar-year';

/** The last day of the quarter or calendar year that contains `date` (`date` if it is that day). */
export function toEndOf(date: CalendarDate, end: PeriodEnd): CalendarDate {
  const [y, m] = date.split('-').map(Number);
  const lastMonth = end === 'calendar-year' ? 12 : Math.ceil(m / 3) * 3;
  return iso(new Date(Date.UTC(y, lastMonth, 0)));
}

/** The instant 00:00 on `date` in Germany (CET or CEST). */
export function startOfDayInGermany(date: CalendarDate): Date {
  // Midnight is never inside a DST switch in Germany (they happen at 02:00/03:00): one of the two
  // offsets matches.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utc(date).getTime() - offsetHours * 3_600_000);
    if (germanDate(candidate) === date && BERLIN_TIME.format(candidate) === '00:00') return candidate;
  }
  throw new RangeError(`startOfDayInGermany: no midnight found for ${date}`);
}

/** The instant a deadline ending on `date` has passed: 00:00 in Germany on the following day. */
export function endOfDayInGermany(date: CalendarDate): Date {
  return startOfDayInGermany(addDays(date, 1));
}
