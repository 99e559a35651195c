import { fieldError } from '../schema';
import type { EventMeta } from '../actor';
import { type CooperationContext, currentContract, type EscalationCase } from '../cooperation';
import { dissolutionMissing } from '../obligations.procedures';
import { openProposal } from '../membership';
import { dissolutionEffectiveOn, dissolutionProcedure } from '../supervision';
import { asParticipant, COORDINATORS, councilBodyErrors, type EventRule, notInFuture, touched } from './rule';

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
  validate: (ctx, e) =>
    e.effectiveOn && currentContract(ctx)?.legalForm !== 'oeffentlich-rechtliche-vereinbarung'
      ? [fieldError('effectiveOn', 'rules.effectiveOnOervOnly')]
      : [],
  apply: (ctx, e, { actor, at }) => {
    const proposal = {
      number: ctx.dissolution.proposals.length + 1,
      by: actor.municipality!,
      sub: actor.sub,
      at,
      reason: e.reason,
      ...(e.effectiveOn ? { effectiveOn: e.effectiveOn } : {}),
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
    const isZv = currentContract(ctx)?.legalForm === 'zweckverband';
    const proposals = ctx.dissolution.proposals.map((p) =>
      p.number === open.number
        ? {
            ...p,
            // A Zweckverband's assembly decides by two thirds (§ 20 Abs. 1 GkG NRW): one member's no rejects nothing.
            status: resolution.agreed || isZv ? p.status : ('rejected' as const),
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
 * Entry into `dissolving`: by agreement when the open proposal has what its legal form requires
 * (every partner's council; for a Zweckverband the assembly's two thirds with approval and
 * publication), otherwise because fewer than two partners remain or the term ended. Every timer is cancelled, open cases are
 * closed, pending exits are superseded by the dissolution.
 */
export function enterDissolving(ctx: CooperationContext, meta: EventMeta): CooperationContext {
  const open = openProposal(ctx);
  const agreed = !!open && dissolutionMissing(ctx, new Date(meta.at)).length === 0;
  const proc = agreed ? dissolutionProcedure(ctx) : undefined;
  const effectiveOn = proc ? dissolutionEffectiveOn(proc, open!.effectiveOn) : undefined;
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
      ...(effectiveOn ? { effectiveOn } : {}),
      reason: agreed ? 'agreement' : ctx.dissolution.reason === 'term-ended' ? 'term-ended' : 'too-few-partners',
    },
    timers: {},
    updatedAt: meta.at,
  };
}
