import { germanDate } from '../calendar';
import { type CooperationContext, type Member, nextVersionNumber, participants } from '../cooperation';
import type { Bilingual } from '../obligations.catalog';
import { type FieldError, fieldError } from '../schema';
import { amendmentProcedure, inForceOn } from '../supervision';
import { termEndTimers } from '../term';
import { TERM_END_KEY, withTimers } from '../timers';
import { contractTextErrors } from './contract.rules';
import { asLead, COORDINATORS, type EventRule, touched } from './rule';

/*
 * Amendments while active, and joining (Beitritt) as an amendment that adds members (§ 20 GkG NRW
 * for the Zweckverband; § 24 GkG NRW for the öffentlich-rechtliche Vereinbarung, reading in
 * legal/procedures.ts; § 27 Abs. 2 GkG NRW for the gKU). Joining municipalities are listed as
 * invited members until the amendment is in force, so they can see it and record their resolution.
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
  validate: (ctx, { type: _type, reason: _reason, joining = [], ...text }) => {
    const errors: FieldError[] = [];
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
    const parties = [...participants(ctx).map((m) => m.ags), ...joining.map((m) => m.ags)];
    return [...errors, ...contractTextErrors(ctx, text, parties)];
  },
  apply: (ctx, { type: _type, reason, joining = [], ...text }, { actor, at }) => {
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
    const amended = touched(
      {
        ...ctx,
        members: { ...ctx.members, ...joined },
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
            { contractVersion: a.version, inForceOn: on, joined: a.joining.map((m) => m.ags), reason: a.reason },
          ],
          pendingAmendment: null,
        },
      },
      at,
    );
    // A changed term moves (or, now unlimited, cancels) the end-of-term timer: the extension.
    return withTimers(withTimers(amended, [], [TERM_END_KEY]), termEndTimers(amended));
  },
};

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
