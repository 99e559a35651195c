import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike } from '../../common/like';
import type { RegisterEntry } from '../domain/projections';

export interface RegisterFilter {
  fieldOfWork?: string;
  district?: string;
  region?: string;
  q?: string;
}

/** All SQL of `public_register`: one row per cooperation every member agreed to publish. */
@Injectable()
export class RegisterEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: EntityManager, entry: RegisterEntry, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO public_register (cooperation_id, entry, title, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cooperation_id) DO UPDATE SET entry = EXCLUDED.entry, title = EXCLUDED.title,
         updated_at = EXCLUDED.updated_at`,
      [entry.cooperationId, JSON.stringify(entry), entry.title, at],
    );
  }

  async remove(tx: EntityManager, cooperationId: string): Promise<void> {
    await tx.query(`DELETE FROM public_register WHERE cooperation_id = $1`, [cooperationId]);
  }

  /** Every entry matching the filter, by title. */
  async list(f: RegisterFilter): Promise<RegisterEntry[]> {
    const like = (v: string | undefined) => (v ? `%${escapeLike(v)}%` : null);
    const member = (key: string) =>
      `EXISTS (SELECT 1 FROM jsonb_array_elements(entry->'members') m WHERE m->>'${key}' = `;
    const rows = await this.dataSource.query<Array<{ entry: RegisterEntry }>>(
      `SELECT entry FROM public_register
        WHERE ($1::text IS NULL OR entry->>'fieldOfWork' ILIKE $1)
          AND ($2::text IS NULL OR ${member('district')}$2))
          AND ($3::text IS NULL OR ${member('region')}$3))
          AND ($4::text IS NULL OR (title || ' ' || (entry->>'description')) ILIKE $4)
        ORDER BY title, cooperation_id`,
      [like(f.fieldOfWork), f.district ?? null, f.region ?? null, like(f.q)],
    );
    return rows.map((r) => r.entry);
  }
}
