import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { competentAuthorityView, type CooperationState } from '../domain';
import { CooperationRepository, type StoredCooperation } from '../infrastructure/cooperation.repository';
import { type CooperationView, viewOf } from './cooperation-view';
import { CooperationNotFound } from './cooperations.errors';
import { loadState } from './load-state';
import { isVisible, scopeOf } from './visibility';

/**
 * Reads one cooperation the caller may see, in the current definition: the reader the other
 * contexts (escalations, reports) build on.
 */
@Injectable()
export class CooperationReader {
  constructor(
    private readonly cooperations: CooperationRepository,
    private readonly clock: Clock,
  ) {}

  async read(id: string, principal: Principal): Promise<{ stored: StoredCooperation; state: CooperationState }> {
    const stored = await this.cooperations.find(id);
    if (!stored || !isVisible(stored.memberAgs, principal)) throw new CooperationNotFound(id);
    return { stored, state: loadState(stored.state) };
  }

  async view(id: string, principal: Principal): Promise<CooperationView> {
    const { stored, state } = await this.read(id, principal);
    return { ...viewOf(stored, state), competentAuthority: competentAuthorityView(state.context, nowOf(this.clock)) };
  }

  /** The states of the cooperations the caller may see that have an escalation case of `status`. */
  async withCases(status: string, principal: Principal, cooperationId?: string): Promise<CooperationState[]> {
    const rows = await this.cooperations.withCases(status, scopeOf(principal), cooperationId);
    return rows.map((r) => loadState(r.state));
  }

  /** The state of the cooperation holding case `caseId`, or null when unknown or not visible. */
  async withCase(caseId: string, principal: Principal): Promise<CooperationState | null> {
    const stored = await this.cooperations.withCase(caseId);
    return stored && isVisible(stored.memberAgs, principal) ? loadState(stored.state) : null;
  }
}
