import { germanDate } from '../calendar';
import { type CooperationContext, type Member, nextVersionNumber, participants } from '../cooperation';
import type { Bilingual } from '../obligations.catalog';
import { type FieldError, fieldError } from '../schema';
import { amendmentProcedure, inForceOn } from '../supervision';
import { termEndTimers } from '../term';
import { TERM_END_KEY, withTimers } from '../timers';
import { contractTextErrors } from './contract.rules';
import { asLead, COORDINATORS, type EventRule, touched, withoutContact } from './rule';

/*
 * Amendments while active, and joining (Beitritt) as an amendment that adds members (§ 20 GkG NRW
 * for the Zweckverband; § 24 GkG NRW for the öffentlich-rechtliche Vereinbarung, reading in
 * legal/procedures.ts; § 27 Abs. 2 GkG NRW for the gKU). Joining municipalities are listed as
 * invited members until the amendment is in force, so they can see it and record their resolution.
 * A Zweckverband member leaves by an amendment of the statute (§ 20 Abs. 1, 2 und 4 GkG NRW): the
 * assembly's two thirds, the Anzeige to the authority competent for the members after the change,
 * the publication; it is no partner from the day the amendment is in force.
 */

const OPEN: Bilingual = {
  de: 'Es liegt bereits eine offene Änderung vor.',
  en: 'An amendment is already open.',
};
const NONE: Bilingual = { de: 'Es liegt keine offene Änderung vor.', en: 'There is no open amendment.' };

const hasOpen = (ctx: CooperationContext) => !!ctx.contract.pendingAmendment;

export const PROPOSE_AMENDMENT: EventRule<'PROPOSE_AMENDMENT'> = {
  roles: COORDINATORS,
  authorize: asLead,
  precondition: (ctx) => (hasOpen(ctx) ? OPEN : null),
  validate: (ctx, { type: _type, reason: _reason, joining = [], leaving = [], ...text }) => {
    const errors: FieldError[] = leavingErrors(ctx, text, joining, leaving);
    joining.forEach((m, i) => {
      if (ctx.members[m.ags]?.status === 'active') {
        errors.push(fieldError(`joining[${i}]`, 'rules.alreadyPartner', { ags: m.ags }));
      }
      if (joining.findIndex((x) => x.ags === m.ags) < i) {
        errors.push(fieldError(`joining[${i}]`, 'rules.twice'));
      }
    });
    const current = ctx.contract.versions[ctx.contract.versions.length - 1];
    if (current && text.legalForm !== current.legalForm) {
      errors.push(fieldError('legalForm', 'rules.legalFormChange'));
    }
    const parties = [
      ...participants(ctx)
        .map((m) => m.ags)
        .filter((ags) => !leaving.includes(ags)),
      ...joining.map((m) => m.ags),
    ];
    return [...errors, ...contractTextErrors(ctx, text, parties)];
  },
  apply: (ctx, { type: _type, reason, joining = [], leaving = [], ...text }, { actor, at }) => {
    const invited = Object.fromEntries(
      joining.map((m): [string, Member] => [
        m.ags,
        { ...m, role: 'partner', status: 'invited', invitedAt: at, joinedAt: null, endedAt: null, endReason: null },
      ]),
    );
    return touched(
      {
        ...ctx,
        members: { ...ctx.members, ...invited },
        contract: {
          ...ctx.contract,
          pendingAmendment: {
            version: nextVersionNumber(ctx.contract.versions),
            text,
            reason,
            joining,
            ...(leaving.length > 0 ? { leaving: [...leaving].sort() } : {}),
            proposedAt: at,
            proposedBy: actor.sub,
            councilResolutions: [],
            supervisoryStep: null,
            memberNotifications: [],
          },
        },
      },
      at,
    );
  },
};

/** Joining members become partners; the amended text is the contract in force from its legal date. */
export const PUT_AMENDMENT_INTO_FORCE: EventRule<'PUT_AMENDMENT_INTO_FORCE'> = {
  roles: COORDINATORS,
  authorize: asLead,
  precondition: (ctx) => (hasOpen(ctx) ? null : NONE),
  apply: (ctx, _e, { at }) => {
    const a = ctx.contract.pendingAmendment!;
    const on = inForceOn(amendmentProcedure(ctx)!, germanDate(new Date(at)));
    const joined = Object.fromEntries(
      a.joining.map((m) => [m.ags, { ...ctx.members[m.ags], status: 'active' as const, joinedAt: at }]),
    );
    const leaving = a.leaving ?? [];
    const left = Object.fromEntries(
      leaving.map((ags) => [
        ags,
        {
          ...ctx.members[ags],
          status: 'left' as const,
          endedAt: at,
          endReason: `Ausscheiden durch Änderung der Verbandssatzung (§ 20 GkG NRW), wirksam ab ${on}`,
        },
      ]),
    );
    const withoutLeaving = leaving.reduce(withoutContact, ctx);
    const amended = touched(
      {
        ...withoutLeaving,
        members: { ...ctx.members, ...joined, ...left },
        membership: {
          // A pending termination of a member leaving by the amendment is overtaken by it.
          exitRequests: ctx.membership.exitRequests.map((r) =>
            r.status === 'pending' && leaving.includes(r.municipality)
              ? { ...r, status: 'superseded' as const, closedAt: at }
              : r,
          ),
        },
        contract: {
          ...ctx.contract,
          versions: [
            ...ctx.contract.versions,
            { ...a.text, version: a.version, draftedAt: a.proposedAt, draftedBy: a.proposedBy },
          ],
          councilResolutions: a.councilResolutions,
          supervisoryStep: a.supervisoryStep,
          memberNotifications: a.memberNotifications,
          amendments: [
            ...ctx.contract.amendments,
            {
              contractVersion: a.version,
              inForceOn: on,
              joined: a.joining.map((m) => m.ags),
              ...(leaving.length > 0 ? { left: leaving } : {}),
              reason: a.reason,
            },
          ],
          pendingAmendment: null,
        },
      },
      at,
    );
    const leftTimers = Object.keys(ctx.timers).filter((k) =>
      leaving.some(
        (ags) =>
          k.startsWith(`report-due:${ags}:`) || k.startsWith(`report-grace:${ags}:`) || k === `notice-end:${ags}`,
      ),
    );
    // A changed term moves (or, now unlimited, cancels) the end-of-term timer: the extension.
    return withTimers(withTimers(amended, [], [TERM_END_KEY, ...leftTimers]), termEndTimers(amended));
  },
};

/** `leaving` (§ 20 GkG NRW): Zweckverband only, active partners, not the seat, not joining, two remain. */
function leavingErrors(
  ctx: CooperationContext,
  text: { legalForm: string; seat?: string },
  joining: readonly { ags: string }[],
  leaving: readonly string[],
): FieldError[] {
  if (leaving.length === 0) return [];
  if (text.legalForm !== 'zweckverband') {
    return [fieldError('leaving', 'rules.leavingZweckverbandOnly')];
  }
  const errors: FieldError[] = [];
  leaving.forEach((ags, i) => {
    if (ctx.members[ags]?.status !== 'active') {
      errors.push(fieldError(`leaving[${i}]`, 'rules.notParticipant', { ags }));
    } else if (ags === text.seat) {
      errors.push(fieldError(`leaving[${i}]`, 'rules.seatCannotLeave'));
    }
    if (joining.some((m) => m.ags === ags)) errors.push(fieldError(`leaving[${i}]`, 'rules.joinAndLeave', { ags }));
    if (leaving.indexOf(ags) < i) errors.push(fieldError(`leaving[${i}]`, 'rules.twice'));
  });
  if (participants(ctx).length - leaving.length + joining.length < 2) {
    errors.push(fieldError('leaving', 'rules.twoMustRemain'));
  }
  return errors;
}

export const WITHDRAW_AMENDMENT: EventRule<'WITHDRAW_AMENDMENT'> = {
  roles: COORDINATORS,
  authorize: asLead,
  precondition: (ctx) => (hasOpen(ctx) ? null : NONE),
  apply: (ctx, e, { at }) => {
    const a = ctx.contract.pendingAmendment!;
    const withdrawn = Object.fromEntries(
      a.joining.map((m) => [
        m.ags,
        {
          ...ctx.members[m.ags],
          status: 'withdrawn' as const,
          endedAt: at,
          endReason: `Änderung zurückgezogen: ${e.reason}`,
        },
      ]),
    );
    return touched(
      { ...ctx, members: { ...ctx.members, ...withdrawn }, contract: { ...ctx.contract, pendingAmendment: null } },
      at,
    );
  },
};
