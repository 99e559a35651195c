import { germanDate } from '../calendar';
import type { FormSpecificExitStep } from '../events';
import { exitEffectiveOn, noticeEndTimer, pendingExit } from '../membership';
import { type FieldError, fieldError } from '../schema';
import { emptyTermination, settleTermination, terminationRecorded } from '../termination';
import { noticeEndKey, withTimers } from '../timers';
import {
  asParticipant,
  COORDINATORS,
  type EventRule,
  notInFuture,
  system,
  SYSTEM,
  touched,
  withoutContact,
} from './rule';

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
      errors.push(fieldError('formSpecificStep.votesFor', 'rules.votesExceedTotal'));
    }
    const m = step.statuteMajority;
    if (m && m.numerator > m.denominator) {
      errors.push(fieldError('formSpecificStep.statuteMajority', 'rules.majorityOverOne'));
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
      ...(terminationRecorded(ctx) ? { termination: emptyTermination(ctx, ags, e.formSpecificStep) } : {}),
      status: 'pending' as const,
      closedAt: null,
      withdrawalReason: null,
    };
    // § 24 Abs. 5 GkG NRW: the notice runs from the partners' receipts, the timer once they and the publication are in.
    if (request.termination) {
      const requested = { ...ctx, membership: { exitRequests: [...ctx.membership.exitRequests, request] } };
      return touched(settleTermination(requested, request), at);
    }
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
      ? [fieldError('type', 'rules.noticeEnded', { date: pendingExit(ctx, actor.municipality)!.effectiveOn })]
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

// ---- system events (durable timers, see `system`) -----------------------------------------

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
