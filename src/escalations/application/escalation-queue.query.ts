import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { type CaseStatus, CooperationReader } from '../../cooperations';
import { type EscalationEntry, entryFor } from './escalation-entries';

export interface EscalationListQuery {
  limit: number;
  cursor?: string;
  cooperation?: string;
  level?: number;
  status: CaseStatus;
}

/**
 * The steering board's queue (`GET /escalations`). Cases live in the cooperations' states, and a
 * copy of what the queue orders by and shows in `escalation_cases` (written by the commands): SQL
 * pages the cases by deadline (then case id) with their entries. Scope: board members see the
 * cases at the levels whose body their municipality belongs to; coordinators the cases of their
 * cooperations; auditors and admins all.
 */
@Injectable()
export class EscalationQueueQuery {
  constructor(
    private readonly cooperations: CooperationReader,
    private readonly clock: Clock,
  ) {}

  async execute(query: EscalationListQuery, principal: Principal): Promise<Page<EscalationEntry>> {
    let after: [string, string] | null = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const now = nowOf(this.clock);
    const wanted = query.limit + 1;
    const entries: EscalationEntry[] = [];
    // SQL orders, limits and scopes; a board member's scope (the levels whose body their
    // municipality belongs to) is decided here from the entry as well, so should a page shrink
    // (rows stored without an entry are scoped here only), the next one is read.
    for (;;) {
      const page = await this.cooperations.casesInOrder(
        { status: query.status, cooperationId: query.cooperation, level: query.level, after, limit: wanted },
        principal,
      );
      for (const { entry: stored } of page) {
        const entry = entryFor(stored, query.status, now, principal);
        if (entry) entries.push(entry);
        if (entries.length === wanted) break;
      }
      const last = page.at(-1);
      if (entries.length === wanted || page.length < wanted || !last) break;
      after = [last.deadlineAt, last.caseId];
    }
    return toPage(
      entries,
      query.limit,
      (e) => [e.deadlineAt, e.caseId],
      (e) => e,
    );
  }
}
