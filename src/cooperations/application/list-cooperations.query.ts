import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { CooperationRepository } from '../infrastructure/cooperation.repository';
import { type CooperationSummary, summaryOf } from './cooperation-view';
import { loadState } from './load-state';
import { scopeOf } from './visibility';

export interface CooperationListQuery {
  limit: number;
  cursor?: string;
  state?: string;
  municipality?: string;
  q?: string;
}

/** The cooperations the caller may see, oldest first, filtered and cursor-paginated. */
@Injectable()
export class ListCooperationsQuery {
  constructor(private readonly cooperations: CooperationRepository) {}

  async execute(query: CooperationListQuery, principal: Principal): Promise<Page<CooperationSummary>> {
    let after: { createdAt: string; id: string } | undefined;
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['instant', 'uuid']);
      after = { createdAt, id };
    }
    const rows = await this.cooperations.list({
      scope: scopeOf(principal),
      municipality: query.municipality,
      state: query.state,
      q: query.q,
      after,
      limit: query.limit + 1,
    });
    return toPage(
      rows,
      query.limit,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => summaryOf(r, loadState(r.state)),
    );
  }
}
