import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { type CaseStatus, CooperationReader } from '../../cooperations';
import { type EscalationEntry, entriesOf } from './escalation-entries';

export interface EscalationListQuery {
  limit: number;
  cursor?: string;
  cooperation?: string;
  level?: number;
  status: CaseStatus;
}

/**
 * The steering board's queue (`GET /escalations`). Cases live in the cooperations' states; the
 * queue reads the states of the visible cooperations that have cases of the requested status and
 * merges their entries by deadline (then case id). Scope: board members see the cases at the
 * levels whose body their municipality belongs to; coordinators the cases of their cooperations;
 * auditors and admins all.
 */
@Injectable()
export class EscalationQueueQuery {
  constructor(
    private readonly cooperations: CooperationReader,
    private readonly clock: Clock,
  ) {}

  async execute(query: EscalationListQuery, principal: Principal): Promise<Page<EscalationEntry>> {
    let after: [string, string] | null = null;
    if (query.cursor) {
      after = decodeCursor(query.cursor, ['instant', 'uuid']);
    }
    const now = nowOf(this.clock);
    const entries = (await this.cooperations.withCases(query.status, principal, query.cooperation))
      .flatMap((state) => entriesOf(state.context, now, principal, query))
      .sort(byDeadline)
      .filter((e) => !after || e.deadlineAt > after[0] || (e.deadlineAt === after[0] && e.caseId > after[1]));
    return toPage(
      entries.slice(0, query.limit + 1),
      query.limit,
      (e) => [e.deadlineAt, e.caseId],
      (e) => e,
    );
  }
}

const byDeadline = (a: EscalationEntry, b: EscalationEntry) =>
  a.deadlineAt !== b.deadlineAt ? (a.deadlineAt < b.deadlineAt ? -1 : 1) : a.caseId < b.caseId ? -1 : 1;
