import { addDays, addMonths, type CalendarDate, endOfDayInGermany, germanDate, isCalendarDate } from './calendar';
import {
  type CooperationContext,
  currentContract,
  isParticipant,
  type Report,
  type ScheduledTimer,
} from './cooperation';
import type { ReportInterval } from './events';
import type { Ags } from './municipality';
import { reportDueKey, reportGraceKey } from './timers';

/*
 * Reporting periods [P6, P8]. Each reporting duty (reporter, interval) has periods from the
 * contract's term.start: period k starts term.start + k × interval (months, clamped to the month's
 * end, always counted from term.start so that they never drift). A period's report is due on its
 * last day; from the next day it is overdue, and when the duty's grace period (calendar days) has
 * passed as well an escalation case opens by itself.
 *
 * Duties begin with the first period whose due date is not before the day the contract came into
 * force: nobody can miss a report that fell due before the contract existed. Duties end with the
 * term (no period starts after term.end) or when the reporter is no longer a partner.
 */

const MONTHS: Readonly<Record<ReportInterval, number>> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  yearly: 12,
};

const ISO_DURATION: Readonly<Record<ReportInterval, string>> = {
  monthly: 'P1M',
  quarterly: 'P3M',
  'half-yearly': 'P6M',
  yearly: 'P1Y',
};

/** Safety bound: a century of monthly periods. */
const MAX_PERIODS = 1200;

export type ReportingStatus = 'upcoming' | 'due' | 'submitted' | 'acknowledged' | 'overdue';

export interface ReportingSchedule {
  reporter: Ags;
  interval: ReportInterval;
  termStart: CalendarDate;
  termEnd: CalendarDate | null;
  gracePeriodDays: number;
  /** Index of the first period the duty covers. */
  firstIndex: number;
}

export interface PeriodRef {
  reporter: Ags;
  interval: ReportInterval;
  index: number;
  /** Label: `2027-Q1`, `2027-03`, `2027-H2`, `2027`, or `<start>/P3M` off calendar boundaries. */
  period: string;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  /** The report is due by the end of this day (the period's last day). */
  dueOn: CalendarDate;
  /** After the end of this day an overdue report escalates. */
  graceEndsOn: CalendarDate;
}

export interface ReportingPeriod extends PeriodRef {
  status: ReportingStatus;
  report: {
    submittedAt: string;
    submittedBy: string;
    late: boolean;
    acknowledgedBy: Ags[];
    /** Partners (other than the reporter) whose acknowledgement is outstanding. */
    awaiting: Ags[];
  } | null;
  /** The case opened automatically for this period, if any. */
  escalationCaseId: string | null;
}

function isAligned(start: CalendarDate, interval: ReportInterval): boolean {
  const [, m, d] = start.split('-').map(Number);
  return d === 1 && (m - 1) % MONTHS[interval] === 0;
}

export function periodLabel(start: CalendarDate, interval: ReportInterval, aligned: boolean): string {
  if (!aligned) return `${start}/${ISO_DURATION[interval]}`;
  const [y, m] = start.split('-');
  const month = Number(m);
  switch (interval) {
    case 'monthly':
      return `${y}-${m}`;
    case 'quarterly':
      return `${y}-Q${Math.ceil(month / 3)}`;
    case 'half-yearly':
      return `${y}-H${month <= 6 ? 1 : 2}`;
    case 'yearly':
      return y;
  }
}

/** The reporting duties of participating reporters, one schedule per (reporter, interval). */
export function reportingSchedules(ctx: CooperationContext): ReportingSchedule[] {
  const contract = currentContract(ctx);
  const duties = ctx.governance.reporting?.duties ?? [];
  if (!contract || !ctx.contract.inForceSince) return [];
  const inForceOn = germanDate(new Date(ctx.contract.inForceSince));
  const seen = new Set<string>();
  const schedules: ReportingSchedule[] = [];
  for (const duty of duties) {
    const id = `${duty.reporter}:${duty.interval}`;
    if (seen.has(id) || !isParticipant(ctx, duty.reporter)) continue;
    seen.add(id);
    const schedule: ReportingSchedule = {
      reporter: duty.reporter,
      interval: duty.interval,
      termStart: contract.term.start,
      termEnd: contract.term.end ?? null,
      gracePeriodDays: ctx.governance.reporting?.gracePeriodDays ?? 0,
      firstIndex: 0,
    };
    let first = 0;
    while (first < MAX_PERIODS && periodAt(schedule, first).dueOn < inForceOn) first++;
    schedules.push({ ...schedule, firstIndex: first });
  }
  return schedules;
}

export function periodAt(schedule: ReportingSchedule, index: number): PeriodRef {
  const months = MONTHS[schedule.interval];
  const startsOn = addMonths(schedule.termStart, index * months);
  const endsOn = addDays(addMonths(schedule.termStart, (index + 1) * months), -1);
  return {
    reporter: schedule.reporter,
    interval: schedule.interval,
    index,
    period: periodLabel(startsOn, schedule.interval, isAligned(schedule.termStart, schedule.interval)),
    startsOn,
    endsOn,
    dueOn: endsOn,
    graceEndsOn: addDays(endsOn, schedule.gracePeriodDays),
  };
}

/** Whether period `index` belongs to the duty (not before its first period, not after the term). */
export function isWithinDuty(schedule: ReportingSchedule, index: number): boolean {
  if (index < schedule.firstIndex || index >= MAX_PERIODS) return false;
  return schedule.termEnd === null || periodAt(schedule, index).startsOn <= schedule.termEnd;
}

/**
 * The period of `reporter` that `ref` names: its label, or its start date. Only periods the duty
 * covers; several matches (a start date shared by two intervals) count as none.
 */
export function findPeriod(ctx: CooperationContext, reporter: Ags, ref: string): PeriodRef | undefined {
  const matches: PeriodRef[] = [];
  for (const schedule of reportingSchedules(ctx).filter((s) => s.reporter === reporter)) {
    const months = MONTHS[schedule.interval];
    const start = isCalendarDate(ref) ? ref : labelStart(ref, schedule.interval);
    if (!start) continue;
    const [ys, ms] = schedule.termStart.split('-').map(Number);
    const [y, m] = start.split('-').map(Number);
    const diff = (y - ys) * 12 + (m - ms);
    if (diff < 0 || diff % months !== 0) continue;
    const p = periodAt(schedule, diff / months);
    if (p.startsOn === start && (isCalendarDate(ref) || p.period === ref) && isWithinDuty(schedule, p.index)) {
      matches.push(p);
    }
  }
  return matches.length === 1 ? matches[0] : undefined;
}

function labelStart(label: string, interval: ReportInterval): CalendarDate | undefined {
  const unaligned = /^(\d{4}-\d{2}-\d{2})\/(P\d+[MY])$/.exec(label);
  if (unaligned) return unaligned[2] === ISO_DURATION[interval] ? unaligned[1] : undefined;
  const patterns: Record<ReportInterval, [RegExp, (m: RegExpExecArray) => string]> = {
    monthly: [/^(\d{4})-(0[1-9]|1[0-2])$/, (m) => `${m[1]}-${m[2]}-01`],
    quarterly: [/^(\d{4})-Q([1-4])$/, (m) => `${m[1]}-${String(Number(m[2]) * 3 - 2).padStart(2, '0')}-01`],
    'half-yearly': [/^(\d{4})-H([12])$/, (m) => `${m[1]}-${m[2] === '1' ? '01' : '07'}-01`],
    yearly: [/^(\d{4})$/, (m) => `${m[1]}-01-01`],
  };
  const [pattern, start] = patterns[interval];
  const match = pattern.exec(label);
  return match ? start(match) : undefined;
}

export const reportId = (reporter: Ags, period: string) => `${reporter}/${period}`;

export function findReport(ctx: CooperationContext, reporter: Ags, period: string): Report | undefined {
  return ctx.reporting.reports.find((r) => r.reporter === reporter && r.period === period);
}

// ---- timers ---------------------------------------------------------------------------------

export function reportDueTimer(p: PeriodRef): ScheduledTimer {
  const dueAt = endOfDayInGermany(p.dueOn).toISOString();
  return {
    key: reportDueKey(p.reporter, p.period),
    dueAt,
    event: { type: 'REPORT_DUE', reporter: p.reporter, period: p.period, dueAt },
  };
}

export function reportGraceTimer(p: PeriodRef): ScheduledTimer {
  const dueAt = endOfDayInGermany(p.graceEndsOn).toISOString();
  return {
    key: reportGraceKey(p.reporter, p.period),
    dueAt,
    event: { type: 'REPORT_GRACE_EXPIRED', reporter: p.reporter, period: p.period, dueAt },
  };
}

/** The due timers of every duty's first period: what entry into force schedules. */
export function initialReportingTimers(ctx: CooperationContext): ScheduledTimer[] {
  return reportingSchedules(ctx)
    .filter((s) => isWithinDuty(s, s.firstIndex))
    .map((s) => reportDueTimer(periodAt(s, s.firstIndex)));
}

/** The due timer of the period after `p`, if the duty goes on. */
export function nextReportDueTimer(ctx: CooperationContext, p: PeriodRef): ScheduledTimer | undefined {
  const schedule = reportingSchedules(ctx).find((s) => s.reporter === p.reporter && s.interval === p.interval);
  return schedule && isWithinDuty(schedule, p.index + 1) ? reportDueTimer(periodAt(schedule, p.index + 1)) : undefined;
}

// ---- the view for GET …/reports ---------------------------------------------------------------

/**
 * Every period of every duty from the first one up to the current one, plus the next upcoming one,
 * with its status at `now`: upcoming (not started), due (started, due date not passed), overdue
 * (due date passed without a report), submitted, acknowledged (by every other partner). Ordered
 * by start date, then reporter. Pure: a function of the state and the clock.
 */
export function reportingPeriods(ctx: CooperationContext, now: Date): ReportingPeriod[] {
  const today = germanDate(now);
  const periods: ReportingPeriod[] = [];
  for (const schedule of reportingSchedules(ctx)) {
    for (let i = schedule.firstIndex; isWithinDuty(schedule, i); i++) {
      const p = periodAt(schedule, i);
      periods.push(withStatus(ctx, p, today));
      if (p.startsOn > today) break;
    }
  }
  return periods.sort((a, b) =>
    a.startsOn !== b.startsOn ? (a.startsOn < b.startsOn ? -1 : 1) : a.reporter < b.reporter ? -1 : 1,
  );
}

function withStatus(ctx: CooperationContext, p: PeriodRef, today: CalendarDate): ReportingPeriod {
  const report = findReport(ctx, p.reporter, p.period);
  const missed = ctx.reporting.missed.find((m) => m.reporter === p.reporter && m.period === p.period);
  const base = { ...p, escalationCaseId: missed?.escalationCaseId ?? null };
  if (!report) {
    const status: ReportingStatus = p.startsOn > today ? 'upcoming' : today <= p.dueOn ? 'due' : 'overdue';
    return { ...base, status, report: null };
  }
  const acknowledgedBy = report.acknowledgements.map((a) => a.municipality);
  const awaiting = Object.values(ctx.members)
    .filter((m) => m.status === 'active' && m.ags !== report.reporter && !acknowledgedBy.includes(m.ags))
    .map((m) => m.ags)
    .sort();
  return {
    ...base,
    status: awaiting.length === 0 ? 'acknowledged' : 'submitted',
    report: {
      submittedAt: report.submittedAt,
      submittedBy: report.submittedBy,
      late: report.late,
      acknowledgedBy,
      awaiting,
    },
  };
}
