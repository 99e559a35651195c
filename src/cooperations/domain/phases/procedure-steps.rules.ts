import { germanDate } from '../calendar';
import { type CooperationContext, currentContract } from '../cooperation';
import { amendmentRule } from '../legal';
import { pendingExit } from '../membership';
import type { Bilingual } from '../obligations.catalog';
import { type FieldError, fieldError } from '../schema';
import { settleTermination, terminationRecorded } from '../termination';
import { asParty } from './procedure';
import { asLeadOrSeat, asParticipant, COORDINATORS, type EventRule, notInFuture, touched } from './rule';

/*
 * The legal-form steps of amendments, exit and dissolution (events/procedure.events.ts): the
 * Zweckverband assembly's vote, the signatures of an amended text, and the receipts and the
 * publication of an öffentlich-rechtliche Vereinbarung's termination.
 */

const ONLY_ZV: Bilingual = {
  de: 'Nur ein Zweckverband hat eine Verbandsversammlung (§ 15 GkG NRW).',
  en: 'Only a Zweckverband has an assembly (§ 15 GkG NRW).',
};
const NO_SIGNATURES: Bilingual = {
  de: 'Es liegt keine offene Änderung vor, deren Text die Beteiligten nach ihrer Rechtsform unterzeichnen.',
  en: 'There is no open amendment whose text the parties sign in this legal form.',
};
const ONLY_ORV: Bilingual = {
  de: 'Zugang und Bekanntmachung einer Kündigung werden für die öffentlich-rechtliche Vereinbarung erfasst (§ 24 Abs. 5 GkG NRW).',
  en: 'Receipt and publication of a termination are recorded for the public-law agreement (§ 24(5) GkG NRW).',
};

const isZv = (ctx: CooperationContext) => currentContract(ctx)?.legalForm === 'zweckverband';

export const RECORD_ASSEMBLY_VOTE: EventRule<'RECORD_ASSEMBLY_VOTE'> = {
  roles: COORDINATORS,
  authorize: asLeadOrSeat,
  precondition: (ctx) => (isZv(ctx) ? null : ONLY_ZV),
  validate: (ctx, e, _actor, today) => {
    const errors: FieldError[] = [...notInFuture(e.date, 'date', today)];
    if (e.votesFor > e.statutoryVotes) errors.push(fieldError('votesFor', 'rules.votesExceedStatutory'));
    const m = e.statuteMajority;
    if (m && m.numerator > m.denominator) errors.push(fieldError('statuteMajority', 'rules.majorityOverOne'));
    if (e.subject === 'amendment' && !ctx.contract.pendingAmendment) {
      errors.push(fieldError('subject', 'rules.noOpenAmendment'));
    }
    if (e.subject === 'dissolution' && !ctx.dissolution.proposals.some((p) => p.status === 'open')) {
      errors.push(fieldError('subject', 'rules.noOpenDissolution'));
    }
    return errors;
  },
  apply: (ctx, { type: _type, subject, ...vote }, { actor, at }) => {
    const assemblyVote = { ...vote, recordedAt: at, recordedBy: actor.municipality! };
    if (subject === 'amendment') {
      return touched(
        {
          ...ctx,
          contract: { ...ctx.contract, pendingAmendment: { ...ctx.contract.pendingAmendment!, assemblyVote } },
        },
        at,
      );
    }
    const proposals = ctx.dissolution.proposals.map((p) => (p.status === 'open' ? { ...p, assemblyVote } : p));
    return touched({ ...ctx, dissolution: { ...ctx.dissolution, proposals } }, at);
  },
};

export const SIGN_AMENDMENT: EventRule<'SIGN_AMENDMENT'> = {
  roles: COORDINATORS,
  authorize: asParty,
  precondition: (ctx, actor) => {
    const a = ctx.contract.pendingAmendment;
    if (!a || !amendmentRule(a.text.legalForm, germanDate(new Date(a.proposedAt)))?.signatures) return NO_SIGNATURES;
    return (a.signatures ?? []).some((s) => s.municipality === actor.municipality)
      ? { de: 'Die geänderte Fassung ist bereits unterzeichnet.', en: 'The amended text is already signed.' }
      : null;
  },
  validate: (ctx, e) => {
    const version = ctx.contract.pendingAmendment!.version;
    return e.version === version ? [] : [fieldError('version', 'rules.notOpenAmendment', { version })];
  },
  apply: (ctx, e, { actor, at }) => {
    const a = ctx.contract.pendingAmendment!;
    const signature = {
      municipality: actor.municipality!,
      version: e.version,
      signedBy: actor.sub,
      signatoryName: ctx.contacts[actor.municipality!]?.name ?? actor.sub,
      signedAt: at,
    };
    return touched(
      {
        ...ctx,
        contract: { ...ctx.contract, pendingAmendment: { ...a, signatures: [...(a.signatures ?? []), signature] } },
      },
      at,
    );
  },
};

export const RECORD_TERMINATION_RECEIPT: EventRule<'RECORD_TERMINATION_RECEIPT'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx) => (terminationRecorded(ctx) ? null : ONLY_ORV),
  validate: (ctx, e, actor, today) => {
    const request = pendingExit(ctx, e.municipality);
    if (!request?.termination) {
      return [fieldError('municipality', 'rules.noPendingTermination', { ags: e.municipality })];
    }
    if (e.municipality === actor.municipality) {
      return [fieldError('municipality', 'rules.ownTermination')];
    }
    const errors = notInFuture(e.receivedOn, 'receivedOn', today);
    if (e.receivedOn < germanDate(new Date(request.requestedAt))) {
      errors.push(fieldError('receivedOn', 'rules.beforeTermination'));
    }
    return errors;
  },
  apply: (ctx, e, { actor, at }) => {
    const request = pendingExit(ctx, e.municipality)!;
    const t = request.termination!;
    const receipts = [
      ...t.receipts.filter((r) => r.municipality !== actor.municipality),
      { municipality: actor.municipality!, receivedOn: e.receivedOn, recordedAt: at },
    ];
    return touched(settleTermination(ctx, { ...request, termination: { ...t, receipts } }), at);
  },
};

export const RECORD_TERMINATION_PUBLICATION: EventRule<'RECORD_TERMINATION_PUBLICATION'> = {
  roles: COORDINATORS,
  authorize: asParticipant,
  precondition: (ctx, actor) =>
    !terminationRecorded(ctx)
      ? ONLY_ORV
      : pendingExit(ctx, actor.municipality)?.termination
        ? null
        : { de: 'Für die eigene Kommune läuft keine Kündigung.', en: 'This municipality has no pending exit request.' },
  validate: (ctx, e, actor, today) => {
    const errors = notInFuture(e.publishedOn, 'publishedOn', today);
    const request = pendingExit(ctx, actor.municipality)!;
    if (e.publishedOn < germanDate(new Date(request.requestedAt))) {
      errors.push(fieldError('publishedOn', 'rules.beforeTermination'));
    }
    return errors;
  },
  apply: (ctx, e, { actor, at }) => {
    const request = pendingExit(ctx, actor.municipality)!;
    const termination = {
      ...request.termination!,
      authorityPublishedOn: e.publishedOn,
      gazetteReference: e.gazetteReference ?? null,
    };
    return touched(settleTermination(ctx, { ...request, termination }), at);
  },
};
