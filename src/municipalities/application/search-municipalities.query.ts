import { Injectable } from '@nestjs/common';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { MunicipalityRepository, type RegistryFilter } from '../infrastructure/municipality.repository';
import type { PublicBody } from '../domain/public-body';

export type RegistryQuery = Omit<RegistryFilter, 'after'> & { cursor?: string };

/** The registry in order of the folded name, filtered and cursor-paginated. */
@Injectable()
export class SearchMunicipalitiesQuery {
  constructor(private readonly registry: MunicipalityRepository) {}

  async execute(query: RegistryQuery): Promise<Page<PublicBody>> {
    const { cursor, ...filter } = query;
    let after: RegistryFilter['after'];
    if (cursor) {
      const [name, ags] = decodeCursor(cursor, ['text', 'text']);
      after = { name, ags };
    }
    const rows = await this.registry.search({ ...filter, after, limit: query.limit + 1 });
    return toPage(
      rows,
      query.limit,
      (r) => [r.sortName, r.body.ags],
      (r) => r.body,
    );
  }
}
