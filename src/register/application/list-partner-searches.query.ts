import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { germanDate } from '../../cooperations';
import { MunicipalityFinder } from '../../municipalities';
import type { SearchListing } from '../domain/projections';
import { PartnerSearchListingRepository } from '../infrastructure/partner-search-listing.repository';

export interface PartnerSearchFilter {
  fieldOfWork?: string;
  district?: string;
  region?: string;
  q?: string;
  limit?: number;
}

export interface PartnerSearchItem extends SearchListing {
  /** Where it ranks for the caller: 0 own Kreis, 1 own Regierungsbezirk, 2 elsewhere. */
  nearness: 'district' | 'region' | 'elsewhere';
  /** The search is the caller's own municipality's. */
  own: boolean;
}

const NEARNESS = ['district', 'region', 'elsewhere'] as const;

/**
 * Published partner searches still open today (Germany), for any coordinator: the listing shows
 * what the lead published, never the cooperation itself. Ranked with the caller's own Kreis first,
 * then its Regierungsbezirk.
 */
@Injectable()
export class ListPartnerSearchesQuery {
  constructor(
    private readonly listings: PartnerSearchListingRepository,
    private readonly municipalities: MunicipalityFinder,
    private readonly clock: Clock,
  ) {}

  async execute(filter: PartnerSearchFilter, principal: Principal): Promise<{ items: PartnerSearchItem[] }> {
    const own = principal.municipality ? await this.municipalities.find(principal.municipality) : null;
    const rows = await this.listings.list({
      ...filter,
      today: germanDate(nowOf(this.clock)),
      near: own ? { district: own.district ?? '', region: own.region ?? '' } : null,
      limit: filter.limit ?? 50,
    });
    return {
      items: rows.map(({ rank, ...listing }) => ({
        ...listing,
        nearness: NEARNESS[rank],
        own: listing.lead.ags === principal.municipality,
      })),
    };
  }
}
