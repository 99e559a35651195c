import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { escapeLike } from '../../common/like';
import type { PublicBody } from '../domain/public-body';
import { Municipality } from './municipality.entity';

export interface RegistryFilter {
  q?: string;
  district?: string;
  region?: string;
  kind?: string;
  after?: { name: string; ags: string };
  limit: number;
}

/** All SQL of `municipalities`, the registry of public bodies. */
@Injectable()
export class MunicipalityRepository {
  constructor(@InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>) {}

  /** Bodies in order of their folded name, each with that sort key (the cursor's). */
  async search(filter: RegistryFilter): Promise<Array<{ body: PublicBody; sortName: string }>> {
    const qb = this.municipalities.createQueryBuilder('m').addSelect('m.search_name', 'm_sort');
    if (filter.q) {
      // Two foldings: `koeln` matches the umlaut transliteration, `koln` the plain letters.
      qb.andWhere(`(m.search_name LIKE ikz_fold(:q) || '%' OR m.search_name_plain LIKE ikz_fold_plain(:q) || '%')`, {
        q: escapeLike(filter.q),
      });
    }
    if (filter.district) qb.andWhere('m.district = :district', { district: filter.district });
    if (filter.region) qb.andWhere('m.region = :region', { region: filter.region });
    if (filter.kind) qb.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.after) qb.andWhere('(m.search_name, m.ags) > (:name, :ags)', filter.after);
    const { entities, raw } = await qb
      .orderBy('m.search_name', 'ASC')
      .addOrderBy('m.ags', 'ASC')
      .limit(filter.limit)
      .getRawAndEntities<{ m_sort: string }>();
    return entities.map((entity, i) => ({ body: toBody(entity), sortName: raw[i].m_sort }));
  }

  async find(ags: string): Promise<PublicBody | null> {
    const found = await this.municipalities.findOneBy({ ags });
    return found ? toBody(found) : null;
  }

  /** Inserts a body added by an admin; a duplicate key fails with the database's unique violation. */
  async insert(body: PublicBody): Promise<PublicBody> {
    const created = this.municipalities.create({ ...body, source: 'admin' });
    await this.municipalities.insert(created);
    return toBody(created);
  }
}

const toBody = (m: Municipality): PublicBody => ({
  ags: m.ags,
  name: m.name,
  kind: m.kind,
  district: m.district,
  region: m.region,
  land: m.land,
});
