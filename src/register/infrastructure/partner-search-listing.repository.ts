import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike } from '../../common/like';
import type { SearchListing } from '../domain/projections';

export interface ListingFilter {
  fieldOfWork?: string;
  district?: string;
  region?: string;
  q?: string;
  /** Only searches open on this day (Germany) or later. */
  today: string;
  /** The caller's own Kreis and Regierungsbezirk rank first. */
  near: { district: string; region: string } | null;
  limit: number;
}

/** All SQL of `partner_search_listings`: the open partner searches, one row per cooperation. */
@Injectable()
export class PartnerSearchListingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: EntityManager, listing: SearchListing): Promise<void> {
    const text = [listing.title, listing.fieldOfWork, listing.lookingFor, listing.lead.name].join('\n');
    await tx.query(
      `INSERT INTO partner_search_listings
         (cooperation_id, listing, field_of_work, search_text, districts, regions, lead_district, lead_region,
          open_until, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (cooperation_id) DO UPDATE SET
         listing = EXCLUDED.listing, field_of_work = EXCLUDED.field_of_work, search_text = EXCLUDED.search_text,
         districts = EXCLUDED.districts, regions = EXCLUDED.regions, lead_district = EXCLUDED.lead_district,
         lead_region = EXCLUDED.lead_region, open_until = EXCLUDED.open_until, published_at = EXCLUDED.published_at`,
      [
        listing.cooperationId,
        JSON.stringify(listing),
        listing.fieldOfWork,
        text,
        JSON.stringify(listing.districts),
        JSON.stringify(listing.regions),
        listing.lead.district,
        listing.lead.region,
        listing.openUntil,
        listing.publishedAt,
      ],
    );
  }

  async remove(tx: EntityManager, cooperationId: string): Promise<void> {
    await tx.query(`DELETE FROM partner_search_listings WHERE cooperation_id = $1`, [cooperationId]);
  }

  /**
   * Open searches matching the filter. A Kreis or Regierungsbezirk matches a search that names it
   * or whose lead lies in it; the caller's own Kreis ranks first, then its Regierungsbezirk, then
   * the searches ending soonest.
   */
  async list(f: ListingFilter): Promise<Array<SearchListing & { rank: number }>> {
    const like = (v: string | undefined) => (v ? `%${escapeLike(v)}%` : null);
    const rows = await this.dataSource.query<Array<{ listing: SearchListing; rank: number }>>(
      `SELECT listing,
              CASE WHEN $6::text IS NOT NULL AND (lead_district = $6 OR districts @> jsonb_build_array($6::text)) THEN 0
                   WHEN $7::text IS NOT NULL AND (lead_region = $7 OR regions @> jsonb_build_array($7::text)) THEN 1
                   ELSE 2 END AS rank
         FROM partner_search_listings
        WHERE open_until >= $1::date
          AND ($2::text IS NULL OR field_of_work ILIKE $2)
          AND ($3::text IS NULL OR lead_district = $3 OR districts @> jsonb_build_array($3::text))
          AND ($4::text IS NULL OR lead_region = $4 OR regions @> jsonb_build_array($4::text))
          AND ($5::text IS NULL OR search_text ILIKE $5)
        ORDER BY rank, open_until, published_at DESC, cooperation_id
        LIMIT $8`,
      [
        f.today,
        like(f.fieldOfWork),
        f.district ?? null,
        f.region ?? null,
        like(f.q),
        f.near?.district ?? null,
        f.near?.region ?? null,
        f.limit,
      ],
    );
    return rows.map((r) => ({ ...r.listing, rank: Number(r.rank) }));
  }

  /** One open search by its cooperation, null when none is open (or it has expired). */
  async find(
    cooperationId: string,
    today: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<SearchListing | null> {
    const rows = await tx.query<Array<{ listing: SearchListing }>>(
      `SELECT listing FROM partner_search_listings WHERE cooperation_id = $1 AND open_until >= $2::date`,
      [cooperationId, today],
    );
    return rows[0]?.listing ?? null;
  }
}
