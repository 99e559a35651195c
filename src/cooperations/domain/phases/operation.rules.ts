import type { Actor } from '../actor';
import { germanDate } from '../calendar';
import {
  type CooperationContext,
  type EscalationCase,
  isParticipant,
  type MissedReport,
  participants,
  type Report,
} from '../cooperation';
import { closeCase, conflictLevels, escalateCase, findCase, isLastLevel, mayActOnCase, openCase } from '../escalation';
import type { FormSpecificExitStep } from '../events';
import type { Ags } from '../municipality';
import { exitEffectiveOn, noticeEndTimer, openProposal, pendingExit } from '../membership';
import type { Bilingual } from '../obligations.catalog';
import {
  findPeriod,
  findReport,
  nextReportDueTimer,
  reportGraceTimer,
  reportId,
  reportingSchedules,
} from '../reporting';
import type { FieldError } from '../schema';
import { noticeEndKey, reportGraceKey, withTimers } from '../timers';
import {
  asParticipant,
  BOARD_MEMBERS,
  COORDINATORS,
  councilBodyErrors,
  type EventMeta,
  type EventRule,
  mustParticipate,
  notInFuture,
  SYSTEM,
  touched,
  withoutContact,
} from './rule';

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
    if (!p) errors.push({ path: 'period', message: `is not a reporting period of ${actor.municipality}` });
    else if (p.startsOn > today) {
      errors.push({ path: 'period', message: `has not started (it starts on ${p.startsOn})` });
    } else if (findReport(ctx, p.reporter, p.period)) {
      errors.push({ path: 'period', message: `${p.period} has already been reported` });
    }
    const seen = new Set<string>();
    e.values.forEach((v, i) => {
      const key = v.indicator.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
      if (seen.has(key)) errors.push({ path: `values[${i}].indicator`, message: 'appears twice' });
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
    if (!report) return [{ path: 'period', message: `no (unambiguous) report has been submitted for ${e.period}` }];
    return report.acknowledgements.some((a) => a.municipality === actor.municipality)
      ? [{ path: 'period', message: `${actor.municipality} has already acknowledged this report` }]
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

// ---- escalation [P6] ------------------------------------------------------------------------

const NO_PROCEDURE = {
  de: 'Der Vertrag regelt kein Konfliktverfahren.',
  en: 'The contract has no conflict procedure.',
};

export const RAISE_CONFLICT: EventRule<'RAISE_CONFLICT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx) => (conflictLevels(ctx).length > 0 ? null : NO_PROCEDURE),
  validate: (ctx, e) =>
    e.parties.flatMap((p, i) => [
      ...mustParticipate(ctx, p, `parties[${i}]`),
      ...(e.parties.indexOf(p) < i ? [{ path: `parties[${i}]`, message: 'appears twice' }] : []),
    ]),
  apply: (ctx, e, meta) =>
    touched(
      openCase(
        ctx,
        {
          subject: e.subject,
          description: e.description,
          parties: e.parties,
          origin: { kind: 'raised', municipality: meta.actor.municipality! },
        },
        meta,
      ).ctx,
      meta.at,
    ),
};

const asBoardMember = (ctx: CooperationContext, actor: Actor): Bilingual | null =>
  isParticipant(ctx, actor.municipality)
    ? null
    : {
        de: 'Nur Gremienmitglieder beteiligter Kommunen entscheiden über Konfliktfälle.',
        en: 'Only board members of participating municipalities decide conflict cases.',
      };

const atCaseLevel = (ctx: CooperationContext, e: { caseId: string }, actor: Actor): Bilingual | null => {
  const c = findCase(ctx, e.caseId);
  return !c || c.status !== 'open' || mayActOnCase(ctx, actor, c)
    ? null
    : {
        de: `Über Fall ${c.number} entscheidet auf Stufe ${c.level} ein anderes Gremium.`,
        en: `Case ${c.number} is decided by another body at level ${c.level}.`,
      };
};

const openCaseErrors = (ctx: CooperationContext, caseId: string): FieldError[] => {
  const c = findCase(ctx, caseId);
  if (!c) return [{ path: 'caseId', message: `no case ${caseId} in this cooperation` }];
  return c.status === 'open' ? [] : [{ path: 'caseId', message: `case ${c.number} is ${c.status}` }];
};

/** An open case whose level allows the decision: `refusal` names why not, given whether it is at the last level. */
const levelErrors = (
  ctx: CooperationContext,
  caseId: string,
  refusal: (c: EscalationCase, last: boolean) => string | null,
): FieldError[] => {
  const errors = openCaseErrors(ctx, caseId);
  const c = findCase(ctx, caseId);
  const message = errors.length === 0 && c ? refusal(c, isLastLevel(ctx, c)) : null;
  return message ? [...errors, { path: 'caseId', message }] : errors;
};

export const RESOLVE_CASE: EventRule<'RESOLVE_CASE'> = {
  roles: BOARD_MEMBERS,
  authorize: asBoardMember,
  authorizeEvent: atCaseLevel,
  validate: (ctx, e) => openCaseErrors(ctx, e.caseId),
  apply: (ctx, e, meta) =>
    touched(closeCase(ctx, findCase(ctx, e.caseId)!, 'resolved', 'resolved', e.decision, meta), meta.at),
};

export const ESCALATE_CASE: EventRule<'ESCALATE_CASE'> = {
  roles: BOARD_MEMBERS,
  authorize: asBoardMember,
  authorizeEvent: atCaseLevel,
  validate: (ctx, e) =>
    levelErrors(ctx, e.caseId, (c, last) =>
      last ? `case ${c.number} is at the last level; resolve it or declare it failed` : null,
    ),
  apply: (ctx, e, meta) => touched(escalateCase(ctx, findCase(ctx, e.caseId)!, 'escalated', e.reason, meta), meta.at),
};

export const DECLARE_CASE_FAILED: EventRule<'DECLARE_CASE_FAILED'> = {
  roles: BOARD_MEMBERS,
  authorize: asBoardMember,
  authorizeEvent: atCaseLevel,
  validate: (ctx, e) =>
    levelErrors(ctx, e.caseId, (c, last) =>
      last ? null : `case ${c.number} is at level ${c.level}; only the last level can declare it failed`,
    ),
  apply: (ctx, e, meta) =>
    touched(closeCase(ctx, findCase(ctx, e.caseId)!, 'failed', 'declared-failed', e.reason, meta), meta.at),
};

// ---- membership [P7] ------------------------------------------------------------------------

export const REQUEST_EXIT: EventRule<'REQUEST_EXIT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx, actor) =>
    pendingExit(ctx, actor.municipality)
      ? {
          de: 'Für die eigene Kommune läuft bereits eine Kündigung.',
          en: 'An exit request of this municipality is already pending.',
        }
      : null,
  validate: (_ctx, e, _actor, today) => {
    const step: FormSpecificExitStep = e.formSpecificStep ?? {};
    const errors: FieldError[] = (['notifiedOn', 'publishedOn', 'voteDate'] as const).flatMap((k) =>
      notInFuture(step[k], `formSpecificStep.${k}`, today),
    );
    if (step.votesFor !== undefined && step.votesTotal !== undefined && step.votesFor > step.votesTotal) {
      errors.push({ path: 'formSpecificStep.votesFor', message: 'must not exceed votesTotal' });
    }
    const m = step.statuteMajority;
    if (m && m.numerator > m.denominator) {
      errors.push({ path: 'formSpecificStep.statuteMajority', message: 'must not exceed 1' });
    }
    return errors;
  },
  apply: (ctx, e, { actor, at }) => {
    const ags = actor.municipality!;
    const effectiveOn = exitEffectiveOn(ctx, germanDate(new Date(at)));
    const request = {
      municipality: ags,
      requestedAt: at,
      requestedBy: actor.sub,
      reasons: e.reasons,
      escalationCaseId: e.escalationCaseId ?? null,
      conflictProcedureNotApplicable: e.conflictProcedureNotApplicable ?? null,
      exitPlan: e.exitPlan ?? {},
      formSpecificStep: e.formSpecificStep ?? null,
      effectiveOn,
      status: 'pending' as const,
      closedAt: null,
      withdrawalReason: null,
    };
    return withTimers(
      touched({ ...ctx, membership: { exitRequests: [...ctx.membership.exitRequests, request] } }, at),
      [noticeEndTimer(ags, effectiveOn)],
    );
  },
};

const NO_PENDING_EXIT = {
  de: 'Für die eigene Kommune läuft keine Kündigung.',
  en: 'This municipality has no pending exit request.',
};

export const WITHDRAW_EXIT_REQUEST: EventRule<'WITHDRAW_EXIT_REQUEST'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx, actor) => (pendingExit(ctx, actor.municipality) ? null : NO_PENDING_EXIT),
  validate: (ctx, _e, actor, _today, now) => {
    const timer = ctx.timers[noticeEndKey(actor.municipality!)];
    return timer && now.getTime() >= Date.parse(timer.dueAt)
      ? [{ path: 'type', message: `the notice period ended on ${pendingExit(ctx, actor.municipality)!.effectiveOn}` }]
      : [];
  },
  apply: (ctx, e, { actor, at }) => {
    const ags = actor.municipality!;
    const exitRequests = ctx.membership.exitRequests.map((r) =>
      r.municipality === ags && r.status === 'pending'
        ? { ...r, status: 'withdrawn' as const, closedAt: at, withdrawalReason: e.reason ?? null }
        : r,
    );
    return withTimers(touched({ ...ctx, membership: { exitRequests } }, at), [], [noticeEndKey(ags)]);
  },
};

// ---- dissolution ----------------------------------------------------------------------------

const NO_PROPOSAL = {
  de: 'Es liegt kein offener Vorschlag zur Auflösung vor.',
  en: 'There is no open dissolution proposal.',
};

export const PROPOSE_DISSOLUTION: EventRule<'PROPOSE_DISSOLUTION'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx) =>
    openProposal(ctx)
      ? {
          de: 'Es liegt bereits ein offener Vorschlag zur Auflösung vor.',
          en: 'A dissolution proposal is already open.',
        }
      : null,
  apply: (ctx, e, { actor, at }) => {
    const proposal = {
      number: ctx.dissolution.proposals.length + 1,
      by: actor.municipality!,
      sub: actor.sub,
      at,
      reason: e.reason,
      status: 'open' as const,
      resolutions: [],
    };
    return touched(
      { ...ctx, dissolution: { ...ctx.dissolution, proposals: [...ctx.dissolution.proposals, proposal] } },
      at,
    );
  },
};

export const RECORD_DISSOLUTION_RESOLUTION: EventRule<'RECORD_DISSOLUTION_RESOLUTION'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx) => (openProposal(ctx) ? null : NO_PROPOSAL),
  validate: (ctx, e, actor, today) => [...notInFuture(e.date, 'date', today), ...councilBodyErrors(ctx, actor, e.body)],
  apply: (ctx, { type: _type, ...resolution }, { actor, at }) => {
    const open = openProposal(ctx)!;
    const proposals = ctx.dissolution.proposals.map((p) =>
      p.number === open.number
        ? {
            ...p,
            status: resolution.agreed ? p.status : ('rejected' as const),
            resolutions: [
              ...p.resolutions.filter((r) => r.municipality !== actor.municipality),
              { ...resolution, municipality: actor.municipality!, recordedAt: at },
            ],
          }
        : p,
    );
    return touched({ ...ctx, dissolution: { ...ctx.dissolution, proposals } }, at);
  },
};

export const RECORD_WINDING_UP: EventRule<'RECORD_WINDING_UP'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  apply: (ctx, e, { actor, at }) =>
    touched(
      {
        ...ctx,
        dissolution: {
          ...ctx.dissolution,
          windingUp: {
            assets: e.assets ?? '',
            staff: e.staff ?? '',
            data: e.data ?? '',
            openObligations: e.openObligations ?? '',
            recordedAt: at,
            recordedBy: actor.municipality!,
          },
          dissolvedAt: at,
        },
      },
      at,
    ),
};

/**
 * Entry into `dissolving`: by agreement when every partner's council agreed to the open proposal,
 * otherwise because fewer than two partners remain. Every timer is cancelled, open cases are
 * closed, pending exits are superseded by the dissolution.
 */
export function enterDissolving(ctx: CooperationContext, meta: EventMeta): CooperationContext {
  const open = openProposal(ctx);
  const agreed =
    !!open && participants(ctx).every((m) => open.resolutions.some((r) => r.municipality === m.ags && r.agreed));
  const cases = ctx.escalation.cases.map((c): EscalationCase =>
    c.status === 'open'
      ? {
          ...c,
          status: 'closed',
          closedAt: meta.at,
          steps: [
            ...c.steps,
            {
              at: meta.at,
              level: c.level,
              action: 'closed-by-dissolution',
              by: { sub: meta.actor.sub, role: meta.actor.role, municipality: meta.actor.municipality ?? null },
              text: null,
            },
          ],
        }
      : c,
  );
  return {
    ...ctx,
    escalation: { cases },
    membership: {
      exitRequests: ctx.membership.exitRequests.map((r) =>
        r.status === 'pending' ? { ...r, status: 'superseded', closedAt: meta.at } : r,
      ),
    },
    dissolution: {
      ...ctx.dissolution,
      proposals: ctx.dissolution.proposals.map((p) =>
        p.status === 'open' ? { ...p, status: agreed ? 'agreed' : 'superseded' } : p,
      ),
      startedAt: meta.at,
      reason: agreed ? 'agreement' : 'too-few-partners',
    },
    timers: {},
    updatedAt: meta.at,
  };
}

// ---- system events (durable timers) ----------------------------------------------------------
// The engine applies a timer event only while its timer (key and dueAt) is still in
// `context.timers`, and removes that timer before the rule runs; the checks below guard the
// remaining premises, so that a firing can never do more than its timer promised.

const system = () => null;

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

export const CASE_DEADLINE_PASSED: EventRule<'CASE_DEADLINE_PASSED'> = {
  roles: SYSTEM,
  authorize: system,
  apply: (ctx, e, meta) => {
    const c = findCase(ctx, e.caseId);
    if (!c || c.status !== 'open' || c.level !== e.level) return ctx;
    const text = `Antwortfrist der Stufe ${c.level} am ${c.deadlineOn} abgelaufen`;
    return touched(
      isLastLevel(ctx, c)
        ? closeCase(ctx, c, 'failed', 'failed-automatically', text, meta)
        : escalateCase(ctx, c, 'escalated-automatically', text, meta),
      meta.at,
    );
  },
};

export const NOTICE_PERIOD_ENDED: EventRule<'NOTICE_PERIOD_ENDED'> = {
  roles: SYSTEM,
  authorize: system,
  apply: (ctx, e, { at }) => {
    const request = pendingExit(ctx, e.municipality);
    if (!request) return ctx;
    const ags = e.municipality;
    const reportTimers = Object.keys(ctx.timers).filter(
      (k) => k.startsWith(`report-due:${ags}:`) || k.startsWith(`report-grace:${ags}:`),
    );
    return withTimers(
      touched(
        {
          ...withoutContact(ctx, ags),
          // The membership ends when the notice period ends, however late the timer fired.
          members: {
            ...ctx.members,
            [ags]: {
              ...ctx.members[ags],
              status: 'left',
              endedAt: e.dueAt,
              endReason: `Austritt nach Kündigung zum ${request.effectiveOn}`,
            },
          },
          membership: {
            exitRequests: ctx.membership.exitRequests.map((r) =>
              r === request ? { ...r, status: 'effective' as const, closedAt: at } : r,
            ),
          },
        },
        at,
      ),
      [],
      reportTimers,
    );
  },
};
