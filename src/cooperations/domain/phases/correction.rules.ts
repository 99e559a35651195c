import type { CooperationContext, Report } from '../cooperation';
import type { Ags } from '../municipality';
import { findPeriod, findReport } from '../reporting';
import { asParticipant, COORDINATORS, type EventRule, touched } from './rule';
import { fieldError } from '../schema';

const submitted = (ctx: CooperationContext, reporter: Ags, period: string): Report | undefined => {
  const p = findPeriod(ctx, reporter, period);
  return p ? findReport(ctx, reporter, p.period) : undefined;
};

/** The reporter corrects its report: a new history entry; the acknowledgements start again. */
export const CORRECT_REPORT: EventRule<'CORRECT_REPORT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  validate: (ctx, e, actor) =>
    submitted(ctx, actor.municipality!, e.period)
      ? []
      : [fieldError('period', 'rules.noReportSubmitted', { ags: actor.municipality!, period: e.period })],
  apply: (ctx, e, { actor, at }) => {
    const report = submitted(ctx, actor.municipality!, e.period)!;
    const previous = { at, by: actor.sub, reason: e.reason, narrative: report.narrative, values: report.values };
    const corrected: Report = {
      ...report,
      narrative: e.narrative,
      values: e.values,
      corrections: [...(report.corrections ?? []), previous],
      acknowledgements: [],
    };
    return touched(
      {
        ...ctx,
        reporting: {
          ...ctx.reporting,
          reports: ctx.reporting.reports.map((r) => (r.id === report.id ? corrected : r)),
        },
      },
      at,
    );
  },
};
