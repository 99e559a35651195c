import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { type ChainVerification, type HistoryEntry, HistoryRepository } from '../../history';
import { Metrics } from '../../metrics';
import { VisibilityPolicy } from './visibility';

export interface HistoryPageQuery {
  limit: number;
  cursor?: string;
  after?: number;
}

/** A cooperation's hash-chained history, and its verification, for callers who may see it. */
@Injectable()
export class ReadHistoryQuery {
  constructor(
    private readonly visibility: VisibilityPolicy,
    private readonly history: HistoryRepository,
    private readonly metrics: Metrics,
  ) {}

  async page(id: string, principal: Principal, query: HistoryPageQuery): Promise<Page<HistoryEntry>> {
    await this.visibility.assertVisible(id, principal);
    let after = query.after ?? 0;
    if (query.cursor) {
      [after] = decodeCursor(query.cursor, ['int4']);
    }
    const entries = await this.history.entries(id, after, query.limit + 1);
    return toPage(
      entries,
      query.limit,
      (e) => [e.sequence],
      (e) => e,
    );
  }

  /** Recomputes the chain from the stored rows, in batches: a long history is never held in memory. */
  async verify(id: string, principal: Principal): Promise<ChainVerification> {
    await this.visibility.assertVisible(id, principal);
    const result = await this.history.verify(id);
    if (!result.valid) this.metrics.chainsBroken('cooperation', 1);
    return result;
  }
}
