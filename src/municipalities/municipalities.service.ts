import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { escapeLike } from '../common/like';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { ProblemException } from '../common/problem';
import { isUniqueViolation } from '../database/postgres-errors';
import { MunicipalityDto, type CreateMunicipalityDto, type MunicipalityQuery } from './municipality.dto';
import { Municipality } from './municipality.entity';

@Injectable()
export class MunicipalitiesService {
  constructor(@InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>) {}

  async search(query: MunicipalityQuery): Promise<Page<MunicipalityDto>> {
    const qb = this.municipalities.createQueryBuilder('m').addSelect('m.search_name', 'm_sort');
    if (query.q) {
      // Two foldings: `koeln` matches the umlaut transliteration, `koln` the plain letters.
      qb.andWhere(`(m.search_name LIKE ikz_fold(:q) || '%' OR m.search_name_plain LIKE ikz_fold_plain(:q) || '%')`, {
        q: escapeLike(query.q),
      });
    }
    if (query.district) qb.andWhere('m.district = :district', { district: query.district });
    if (query.region) qb.andWhere('m.region = :region', { region: query.region });
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.cursor) {
      const [name, ags] = decodeCursor(query.cursor, 2);
      qb.andWhere('(m.search_name, m.ags) > (:name, :ags)', { name, ags });
    }
    const { entities, raw } = await qb
      .orderBy('m.search_name', 'ASC')
      .addOrderBy('m.ags', 'ASC')
      .limit(query.limit + 1)
      .getRawAndEntities<{ m_sort: string }>();
    const rows = entities.map((entity, i) => ({ entity, sort: raw[i].m_sort }));
    return toPage(
      rows,
      query.limit,
      (r) => [r.sort, r.entity.ags],
      (r) => MunicipalityDto.from(r.entity),
    );
  }

  async get(ags: string): Promise<MunicipalityDto> {
    const found = await this.municipalities.findOneBy({ ags });
    if (!found)
      throw new ProblemException(
        404,
        'municipality-not-found',
        'Not Found',
        `No public body with the key ${ags} is registered.`,
      );
    return MunicipalityDto.from(found);
  }

  async create(input: CreateMunicipalityDto): Promise<MunicipalityDto> {
    try {
      const created = this.municipalities.create({
        ...input,
        district: input.district ?? null,
        region: input.region ?? null,
        land: input.land ?? 'Nordrhein-Westfalen',
        source: 'admin',
      });
      await this.municipalities.insert(created);
      return MunicipalityDto.from(created);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ProblemException(
          409,
          'municipality-exists',
          'Conflict',
          `A public body with the key ${input.ags} is already registered.`,
        );
      }
      throw error;
    }
  }
}
