import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { CooperationRepository, type VisibilityScope } from '../infrastructure/cooperation.repository';
import type { CooperationState } from '../domain';
import { CooperationNotFound } from './cooperations.errors';
import { loadState } from './load-state';

/** Rows read per query when a use case walks every visible cooperation. */
const PAGE = 200;

/** Roles that see every cooperation; the others see those their municipality takes part in. */
export const SEES_ALL: readonly Principal['role'][] = ['auditor', 'admin'];

export const scopeOf = (principal: Principal): VisibilityScope =>
  SEES_ALL.includes(principal.role) ? { all: true } : { all: false, municipality: principal.municipality };

/** Whether `principal` may see a cooperation with these members (lead, partners, open invitations). */
export const isVisible = (memberAgs: readonly string[], principal: Principal): boolean =>
  SEES_ALL.includes(principal.role) ||
  (principal.municipality !== undefined && memberAgs.includes(principal.municipality));

/**
 * The one visibility policy of cooperations and what hangs off them (history, documents,
 * escalation cases, reports). Invisible is answered like unknown.
 */
@Injectable()
export class VisibilityPolicy {
  constructor(private readonly cooperations: CooperationRepository) {}

  /** Throws CooperationNotFound unless the caller may see the cooperation; reads only its member list. */
  async assertVisible(id: string, principal: Principal): Promise<void> {
    const members = await this.cooperations.members(id);
    if (!members || !isVisible(members, principal)) throw new CooperationNotFound(id);
  }

  /** Every cooperation the caller may see, in the current definition, oldest first. */
  async visibleStates(principal: Principal): Promise<CooperationState[]> {
    const states: CooperationState[] = [];
    let after: { createdAt: string; id: string } | undefined;
    for (;;) {
      const rows = await this.cooperations.list({ scope: scopeOf(principal), after, limit: PAGE });
      states.push(...rows.map((r) => loadState(r.state)));
      if (rows.length < PAGE) return states;
      const last = rows[rows.length - 1];
      after = { createdAt: last.createdAt.toISOString(), id: last.id };
    }
  }
}
