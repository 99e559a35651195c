import type { Instant } from './calendar';
import type { CooperationContext } from './cooperation';
import type { Ags } from './municipality';
import { adoptedLoi, participants } from './cooperation';
import type { CalendarDate } from './calendar';

/*
 * Success tracking [P6]: each success criterion of the adopted letter of intent (indicator, target,
 * unit) against the values the reports gave for it, period by period. Pure: what the reports say,
 * matched by the indicator's text, which OBL-REPORT-CRITERIA makes every report name.
 */

export interface SuccessPoint {
  period: string;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  reporter: Ags;
  reporterName: string;
  value: number;
  comment: string | null;
  submittedAt: Instant;
  /** Token subject of the coordinator who submitted it. */
  submittedBy: string;
  late: boolean;
  /** The value was corrected after submission (CORRECT_REPORT). */
  corrected: boolean;
  /** Acknowledged by every other participating municipality. */
  acknowledged: boolean;
  acknowledgedBy: Ags[];
}

export interface SuccessSeries {
  indicator: string;
  unit: string;
  target: number;
  baseline: number | null;
  /** Oldest period first. */
  points: SuccessPoint[];
}

export function successSeries(ctx: CooperationContext): SuccessSeries[] {
  const criteria = adoptedLoi(ctx)?.successCriteria ?? [];
  const active = participants(ctx).map((m) => m.ags);
  const reports = [...ctx.reporting.reports].sort((a, b) =>
    a.periodStart === b.periodStart ? (a.reporter < b.reporter ? -1 : 1) : a.periodStart < b.periodStart ? -1 : 1,
  );
  return criteria.map((c) => ({
    indicator: c.indicator,
    unit: c.unit,
    target: c.target,
    baseline: c.baseline ?? null,
    points: reports.flatMap((r) => {
      const value = r.values.find((v) => v.indicator === c.indicator);
      if (!value) return [];
      const acknowledgedBy = r.acknowledgements.map((a) => a.municipality);
      return [
        {
          period: r.period,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          reporter: r.reporter,
          reporterName: ctx.members[r.reporter]?.name ?? r.reporter,
          value: value.value,
          comment: value.comment ?? null,
          submittedAt: r.submittedAt,
          submittedBy: r.submittedBy,
          late: r.late,
          corrected: (r.corrections?.length ?? 0) > 0,
          acknowledged: active.filter((a) => a !== r.reporter).every((a) => acknowledgedBy.includes(a)),
          acknowledgedBy,
        },
      ];
    }),
  }));
}
