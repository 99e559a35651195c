/**
 * Calendar dates (`YYYY-MM-DD`) as councils, authorities and gazettes use them. "Today" is the date
 * in Germany, not in UTC: a resolution dated today must be accepted at 00:30 in Heek.
 */
export type CalendarDate = string;

const BERLIN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
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

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
