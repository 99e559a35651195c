import type { Actor } from '../actor';
import { germanDate } from '../calendar';
import { type CooperationContext, type MissedReport, type Report } from '../cooperation';
import { conflictLevels, openCase } from '../escalation';
import type { Ags } from '../municipality';
import type { Bilingual } from '../obligations.catalog';
import {
  findPeriod,
  findReport,
  nextReportDueTimer,
  reportGraceTimer,
  reportId,
  reportingSchedules,
} from '../reporting';
import { type FieldError, fieldError } from '../schema';
import { reportGraceKey, withTimers } from '../timers';
import { asParticipant, COORDINATORS, type EventRule, system, SYSTEM, touched } from './rule';

// ---- reporting [P6, P8] ---------------------------------------------------------------------

const asReporter = (ctx: CooperationContext, actor: Actor): Bilingual | null =>
  asParticipant(ctx, actor) ??
  (reportingSchedules(ctx).some((s) => s.reporter === actor.municipality)
    ? null
    : {
        de: 'Berichten darf nur eine Kommune, die nach den Berichtspflichten berichtet.',
        en: 'Only a municipality with a reporting duty may submit reports.',
      });

export const SUBMIT_REPORT: EventRule<'SUBMIT_REPORT'> = {
  roles: COORDINATORS,
  authorize: asReporter,
  validate: (ctx, e, actor, today) => {
    const p = findPeriod(ctx, actor.municipality!, e.period);
    const errors: FieldError[] = [];
    if (!p) errors.push(fieldError('period', 'rules.notReportingPeriod', { ags: actor.municipality! }));
    else if (p.startsOn > today) {
      errors.push(fieldError('period', 'rules.periodNotStarted', { date: p.startsOn }));
    } else if (findReport(ctx, p.reporter, p.period)) {
      errors.push(fieldError('period', 'rules.alreadyReported', { period: p.period }));
    }
    const seen = new Set<string>();
    e.values.forEach((v, i) => {
      const key = v.indicator.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
      if (seen.has(key)) errors.push(fieldError(`values[${i}].indicator`, 'rules.twice'));
      seen.add(key);
    });
    return errors;
  },
  apply: (ctx, e, { actor, at }) => {
    const p = findPeriod(ctx, actor.municipality!, e.period)!;
    const report: Report = {
      id: reportId(p.reporter, p.period),
      reporter: p.reporter,
      interval: p.interval,
      period: p.period,
      periodStart: p.startsOn,
      periodEnd: p.endsOn,
      narrative: e.narrative,
      values: e.values,
      submittedAt: at,
      submittedBy: actor.sub,
      late: germanDate(new Date(at)) > p.dueOn,
      acknowledgements: [],
    };
    const missed = ctx.reporting.missed.map((m) =>
      m.reporter === p.reporter && m.period === p.period ? { ...m, reportedAt: at } : m,
    );
    return withTimers(
      touched({ ...ctx, reporting: { reports: [...ctx.reporting.reports, report], missed } }, at),
      [],
      [reportGraceKey(p.reporter, p.period)],
    );
  },
};

function reportFor(ctx: CooperationContext, period: string, reporter: Ags | undefined): Report | undefined {
  const matches = ctx.reporting.reports.filter(
    (r) => (r.period === period || r.periodStart === period) && (reporter === undefined || r.reporter === reporter),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

export const ACKNOWLEDGE_REPORT: EventRule<'ACKNOWLEDGE_REPORT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  authorizeEvent: (ctx, e, actor) =>
    reportFor(ctx, e.period, e.reporter)?.reporter === actor.municipality
      ? {
          de: 'Den eigenen Bericht bestätigen die anderen Partner, nicht die berichtende Kommune.',
          en: 'A report is acknowledged by the other partners, not by the reporting municipality.',
        }
      : null,
  validate: (ctx, e, actor) => {
    const report = reportFor(ctx, e.period, e.reporter);
    if (!report) return [fieldError('period', 'rules.noUnambiguousReport', { period: e.period })];
    return report.acknowledgements.some((a) => a.municipality === actor.municipality)
      ? [fieldError('period', 'rules.alreadyAcknowledged', { ags: actor.municipality! })]
      : [];
  },
  apply: (ctx, e, { actor, at }) => {
    const report = reportFor(ctx, e.period, e.reporter)!;
    const ack = { municipality: actor.municipality!, by: actor.sub, at };
    return touched(
      {
        ...ctx,
        reporting: {
          ...ctx.reporting,
          reports: ctx.reporting.reports.map((r) =>
            r.id === report.id ? { ...r, acknowledgements: [...r.acknowledgements, ack] } : r,
          ),
        },
      },
      at,
    );
  },
};

// ---- system events (durable timers, see `system`) -----------------------------------------

export const REPORT_DUE: EventRule<'REPORT_DUE'> = {
  roles: SYSTEM,
  authorize: system,
  apply: (ctx, e, { at }) => {
    const p = findPeriod(ctx, e.reporter, e.period);
    if (!p) return ctx;
    const next = nextReportDueTimer(ctx, p);
    let result = withTimers(ctx, next ? [next] : []);
    if (!findReport(ctx, p.reporter, p.period)) {
      const missed: MissedReport = {
        reporter: p.reporter,
        period: p.period,
        dueOn: p.dueOn,
        markedAt: at,
        escalationCaseId: null,
        reportedAt: null,
      };
      result = withTimers(
        { ...result, reporting: { ...result.reporting, missed: [...result.reporting.missed, missed] } },
        [reportGraceTimer(p)],
      );
    }
    return touched(result, at);
  },
};

export const REPORT_GRACE_EXPIRED: EventRule<'REPORT_GRACE_EXPIRED'> = {
  roles: SYSTEM,
  authorize: system,
  apply: (ctx, e, meta) => {
    const missed = ctx.reporting.missed.find((m) => m.reporter === e.reporter && m.period === e.period);
    if (!missed || missed.reportedAt || missed.escalationCaseId || conflictLevels(ctx).length === 0) return ctx;
    const name = ctx.members[e.reporter]?.name ?? e.reporter;
    const opened = openCase(
      ctx,
      {
        subject: `Bericht ${e.period} von ${name} überfällig`,
        description:
          `Der Bericht für den Zeitraum ${e.period} war am ${missed.dueOn} fällig und ist auch nach der ` +
          `Nachfrist nicht eingegangen (Berichtspflicht [P8]; die Partner informieren sich regelmäßig und ehrlich [P6]).`,
        parties: [e.reporter],
        origin: { kind: 'overdue-report', reporter: e.reporter, period: e.period },
      },
      meta,
    );
    const linked = ctx.reporting.missed.map((m) => (m === missed ? { ...m, escalationCaseId: opened.case.id } : m));
    return touched({ ...opened.ctx, reporting: { ...opened.ctx.reporting, missed: linked } }, meta.at);
  },
};
