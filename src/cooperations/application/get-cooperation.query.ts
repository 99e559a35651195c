import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import {
  competentAuthorityView,
  type CooperationState,
  findCase,
  type PersistedState,
  queueEntryOf,
  type StoredQueueEntry,
} from '../domain';
import { CooperationRepository, type StoredCooperation } from '../infrastructure/cooperation.repository';
import { EscalationCaseRepository } from '../infrastructure/escalation-case.repository';
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
    private readonly cases: EscalationCaseRepository,
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

  /**
   * Escalation cases of `status` the caller may see, in queue order (deadline, then case id) after
   * `after`, at most `limit`, each as its queue entry: SQL orders and limits the page, the rows
   * carry the entries. A board member's page holds only cases whose body has their municipality.
   * Rows stored before entries were have none: those cooperations' snapshots give theirs.
   */
  async casesInOrder(
    q: { status: string; cooperationId?: string; level?: number; after?: [string, string] | null; limit: number },
    principal: Principal,
  ): Promise<Array<{ caseId: string; deadlineAt: string; entry: StoredQueueEntry }>> {
    const page = await this.cases.page({
      ...q,
      scope: scopeOf(principal),
      ...(principal.role === 'steering-board' ? { body: principal.municipality ?? '' } : {}),
    });
    const without = [...new Set(page.filter((c) => !c.entry).map((c) => c.cooperationId))];
    const states = without.length > 0 ? await this.cooperations.states(without) : new Map<string, PersistedState>();
    const loaded = new Map([...states].map(([id, state]) => [id, loadState(state).context]));
    return page.flatMap(({ caseId, deadlineAt, entry, cooperationId }) => {
      const ctx = entry ? undefined : loaded.get(cooperationId);
      const c = ctx && findCase(ctx, caseId);
      const shown = entry ?? (ctx && c ? queueEntryOf(ctx, c) : undefined);
      return shown ? [{ caseId, deadlineAt, entry: shown }] : [];
    });
  }

  /** The state of the cooperation holding case `caseId`, or null when unknown or not visible. */
  async withCase(caseId: string, principal: Principal): Promise<CooperationState | null> {
    const id = await this.cases.cooperationOf(caseId);
    const stored = id ? await this.cooperations.find(id) : null;
    return stored && isVisible(stored.memberAgs, principal) ? loadState(stored.state) : null;
  }
}
