import { germanDate } from './calendar';
import { type AssemblyVoteRecord, type CooperationContext, currentContract } from './cooperation';
import type { ContractText } from './events';
import { amendmentRule, assemblyMajority } from './legal';
import { awaitingResolutions } from './membership';
import {
  amendmentProcedure,
  councilMissing,
  dissolutionProcedure,
  type Procedure,
  supervisoryMissing,
} from './supervision';

/*
 * What the legal form asks of an amendment and of a dissolution, as lists of what is missing (the
 * obligation checks in obligations.ts wrap them): the Zweckverband assembly's two thirds of its
 * statutory votes (§ 20 Abs. 1 GkG NRW), unanimity when the tasks change; the signatures of the
 * amended text; the dissolution's approval and publication (§ 20 Abs. 2 S. 1, Abs. 4 GkG NRW).
 */

/** `assemblyVote:<needed>` while the vote is missing or short of its majority. */
export function assemblyVoteMissing(vote: AssemblyVoteRecord | null | undefined, changesTasks = false): string[] {
  if (!vote) return ['assemblyVote'];
  const m = assemblyMajority({
    votesFor: vote.votesFor,
    statutoryVotes: vote.statutoryVotes,
    ...(vote.statuteMajority ? { statuteMajority: vote.statuteMajority } : {}),
    changesTasks,
  });
  return m.reached ? [] : [`assemblyVote.votesFor:${m.needed}`];
}

const sameTasks = (a: ContractText, b: ContractText): boolean =>
  JSON.stringify([...a.tasks].sort()) === JSON.stringify([...b.tasks].sort());

/**
 * OBL-AMENDMENT-RESOLUTIONS. Zweckverband: the assembly's vote (§ 20 Abs. 1 GkG NRW) instead of
 * each partner's council, and the council resolution of each joining member; otherwise every party's.
 */
export function amendmentResolutionsMissing(ctx: CooperationContext): string[] {
  const proc = amendmentProcedure(ctx);
  if (!proc) return ['amendment'];
  if (proc.text.legalForm !== 'zweckverband') return councilMissing(proc);
  const current = currentContract(ctx);
  const changesTasks = !!current && !sameTasks(current, proc.text);
  const joining = new Set(ctx.contract.pendingAmendment!.joining.map((m) => m.ags));
  const joiningCouncils = councilMissing({ ...proc, members: proc.members.filter((m) => joining.has(m.ags)) });
  return [...assemblyVoteMissing(ctx.contract.pendingAmendment!.assemblyVote, changesTasks), ...joiningCouncils];
}

/** OBL-AMENDMENT-SIGNED-ALL: every party and joining member signed, where the form needs signatures. */
export function amendmentSignaturesMissing(ctx: CooperationContext): string[] {
  const a = ctx.contract.pendingAmendment;
  const proc = amendmentProcedure(ctx);
  if (!a || !proc) return ['amendment'];
  if (!amendmentRule(a.text.legalForm, germanDate(new Date(a.proposedAt)))?.signatures) return [];
  return proc.members
    .filter((m) => !(a.signatures ?? []).some((s) => s.municipality === m.ags && s.version === a.version))
    .map((m) => `amendmentSignature:${m.ags}`);
}

/**
 * OBL-DISSOLUTION-RESOLUTIONS. Zweckverband: two thirds of the assembly's statutory votes, the
 * authority's approval (or its fiction) and the publication (§ 20 Abs. 1, 2, 4 GkG NRW) — not
 * every council. Öffentlich-rechtliche Vereinbarung (Aufhebung): every partner's council, the
 * notification to the § 29 Abs. 4 authority and its publication (§ 24 Abs. 5 GkG NRW). Otherwise
 * every partner's council agreed.
 */
export function dissolutionMissing(ctx: CooperationContext, now: Date): string[] {
  const proposal = ctx.dissolution.proposals.findLast((p) => p.status === 'open' || p.status === 'agreed');
  if (!proposal) return ['dissolutionProposal'];
  if (proposal.status === 'agreed') return [];
  const resolutions = awaitingResolutions(ctx, proposal).map((ags) => `dissolutionResolution:${ags}`);
  const proc: Procedure | undefined = dissolutionProcedure(ctx);
  if (!proc) return resolutions;
  const decision = proc.text.legalForm === 'zweckverband' ? assemblyVoteMissing(proposal.assemblyVote) : resolutions;
  return [...decision, ...supervisoryMissing(proc, now)];
}
