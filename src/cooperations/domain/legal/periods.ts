import { addDays, addMonths, type CalendarDate, isNrwWorkingDay, nrwHoliday, weekday } from '../calendar';
import type { LegalRule } from './rule';
import { TEXT_DATES } from './rule';

/*
 * Statutory periods per § 31 VwVfG NRW, which applies §§ 187–193 BGB:
 * - § 187 Abs. 1 BGB: for a period started by an event (receipt, publication) the event's day is
 *   not counted;
 * - § 188 Abs. 2 BGB: a period in weeks or months ends with the end of the day of the last week or
 *   month that by name or number corresponds to the event's day; § 188 Abs. 3: a missing day in the
 *   last month → its last day;
 * - § 31 Abs. 3 VwVfG NRW: a period ending on a Saturday, Sunday or public holiday ends with the end
 *   of the next working day (NRW holidays, calendar.ts);
 * - § 190 BGB: an extended period is counted from the end of the previous one.
 * Ends are calendar dates; the period runs until the end of that day in Germany.
 */

export const PERIOD_RULES = {
  computation: {
    id: 'VWVFG-31-BGB-187-188',
    citation: '§ 31 Abs. 1 VwVfG NRW i. V. m. §§ 187 Abs. 1, 188 Abs. 2 und 3 BGB',
    effectiveFrom: TEXT_DATES.VWVFG,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: {
      de: 'Wortlaut von § 31 VwVfG (Bund) und §§ 187–193 BGB gelesen; § 31 VwVfG NRW ist als wortgleich angenommen — zu bestätigen.',
      en: 'Wording of § 31 VwVfG (federal) and §§ 187–193 BGB read; § 31 VwVfG NRW is taken to be identical — to be confirmed.',
    },
  },
  weekendShift: {
    id: 'VWVFG-31-3',
    citation: '§ 31 Abs. 3 VwVfG NRW',
    effectiveFrom: TEXT_DATES.VWVFG,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: {
      de: 'Gesetzliche Feiertage sind die nordrhein-westfälischen (Feiertagsgesetz NW § 2, calendar.ts).',
      en: "Public holidays are North Rhine-Westphalia's (Feiertagsgesetz NW § 2, calendar.ts).",
    },
  },
  extension: {
    id: 'BGB-190',
    citation: '§ 190 BGB i. V. m. § 31 Abs. 1 VwVfG NRW',
    effectiveFrom: TEXT_DATES.VWVFG,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: {
      de: 'Eine Anschlussfrist läuft vom Ende der vorigen Frist an, und zwar vom nach § 31 Abs. 3 VwVfG NRW verschobenen Ende (späteres, für die Beteiligten sichere Fristende).',
      en: 'A follow-on period runs from the end of the previous one, taken as shifted by § 31(3) VwVfG NRW (the later end, the safe one for the parties).',
    },
  },
  backwards: {
    id: 'BGB-187-188-RUECKWAERTS',
    citation: '§§ 187 Abs. 1, 188 Abs. 2 BGB entsprechend (Rückwärtsfrist)',
    effectiveFrom: TEXT_DATES.VWVFG,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: {
      de: '„Spätestens sechs Wochen vor“: die volle Frist liegt zwischen Handlung und Stichtag; der Stichtag zählt nicht, die Handlung muss vor dem Tag liegen, der dem Stichtag nach Benennung entspricht. Keine Verschiebung auf Werktage (sie würde die Frist verkürzen).',
      en: '"At the latest six weeks before": the whole period lies between the act and the reference day; the reference day is not counted and the act must precede the day of the same name six weeks earlier. No shift to working days (it would shorten the period).',
    },
  },
} as const satisfies Record<string, LegalRule>;

export type PeriodUnit = 'days' | 'weeks' | 'months';
export interface Period {
  amount: number;
  unit: PeriodUnit;
}

/** The day named by § 188 BGB: `amount` units after `eventDay` (the event's day not counted). */
export function periodEndUnshifted(eventDay: CalendarDate, period: Period): CalendarDate {
  if (!Number.isInteger(period.amount) || period.amount < 0) throw new RangeError(`period: ${period.amount}`);
  switch (period.unit) {
    case 'days':
      return addDays(eventDay, period.amount);
    case 'weeks':
      return addDays(eventDay, 7 * period.amount);
    case 'months':
      return addMonths(eventDay, period.amount);
  }
}

/** § 31 Abs. 3 VwVfG NRW: the next NRW working day when `day` is a Saturday, Sunday or holiday. */
export function nextWorkingDayIfClosed(day: CalendarDate): CalendarDate {
  let d = day;
  while (!isNrwWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export interface StatutoryEnd {
  /** Last day of the period (inclusive; it runs to the end of this day). */
  endsOn: CalendarDate;
  /** The day § 188 BGB names, before § 31 Abs. 3 moved it. */
  nominalEnd: CalendarDate;
  /** Why it moved, e.g. 'Sonntag', 'Pfingstmontag'. */
  shiftedBecause?: string;
}

const closedReason = (day: CalendarDate) =>
  nrwHoliday(day) ?? (weekday(day) === 0 ? 'Sonntag' : weekday(day) === 6 ? 'Samstag' : undefined);

/** A statutory period started by an event on `eventDay`. */
export function statutoryPeriodEnd(eventDay: CalendarDate, period: Period): StatutoryEnd {
  const nominalEnd = periodEndUnshifted(eventDay, period);
  const endsOn = nextWorkingDayIfClosed(nominalEnd);
  return endsOn === nominalEnd
    ? { endsOn, nominalEnd }
    : { endsOn, nominalEnd, shiftedBecause: closedReason(nominalEnd) };
}

/** § 190 BGB: a further period following `previous`. */
export function followOnPeriodEnd(previous: StatutoryEnd, period: Period): StatutoryEnd {
  return statutoryPeriodEnd(previous.endsOn, period);
}

/**
 * The last day on which an act "at the latest `period` before `referenceDay`" is in time (see
 * PERIOD_RULES.backwards).
 */
export function latestDayBefore(referenceDay: CalendarDate, period: Period): CalendarDate {
  const back = { ...period, amount: -period.amount };
  const sameNamedDay =
    back.unit === 'months'
      ? addMonths(referenceDay, back.amount)
      : addDays(referenceDay, back.unit === 'weeks' ? 7 * back.amount : back.amount);
  return addDays(sameNamedDay, -1);
}
