import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { actorOf, type CaseStep, CooperationReader, findCase, mayActOnCase, queueEntryOf } from '../../cooperations';
import { type EscalationEntry, entryFor } from './escalation-entries';
import { CaseNotFound } from './escalations.errors';

export type EscalationCaseView = EscalationEntry & {
  description: string;
  decision: string | null;
  closedAt: string | null;
  steps: CaseStep[];
};

/** One case with its own history (`steps`); CaseNotFound when unknown or not visible to the caller. */
@Injectable()
export class GetCaseQuery {
  constructor(
    private readonly cooperations: CooperationReader,
    private readonly clock: Clock,
  ) {}

  async execute(caseId: string, principal: Principal): Promise<EscalationCaseView> {
    const state = await this.cooperations.withCase(caseId, principal);
    if (!state) throw new CaseNotFound(caseId);
    const ctx = state.context;
    const c = findCase(ctx, caseId)!;
    // Read as an admin: whoever may see the cooperation reads its cases; mayAct is the caller's.
    const entry = entryFor(queueEntryOf(ctx, c), c.status, nowOf(this.clock), { ...principal, role: 'admin' })!;
    return {
      ...entry,
      mayAct: c.status === 'open' && mayActOnCase(ctx, actorOf(principal), c),
      description: c.description,
      decision: c.decision,
      closedAt: c.closedAt,
      steps: c.steps,
    };
  }
}
