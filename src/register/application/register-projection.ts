import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalize } from '../../history';
import {
  type RegisterEntry,
  registerEntryOf,
  type SearchListing,
  searchListingOf,
  type StoredStateLike,
} from '../domain/projections';
import { PartnerSearchListingRepository } from '../infrastructure/partner-search-listing.repository';
import { RegisterEntryRepository } from '../infrastructure/register-entry.repository';

const same = (a: SearchListing | RegisterEntry | null, b: SearchListing | RegisterEntry | null) =>
  a === b || (a !== null && b !== null && canonicalize(a) === canonicalize(b));

/**
 * Keeps the public read models in step with the history: `DecisionRecorder` calls it in the
 * command's transaction with the state before and after an accepted event. Only a change of what is
 * public writes a row, so most events cost nothing here.
 */
@Injectable()
export class RegisterProjection {
  constructor(
    private readonly listings: PartnerSearchListingRepository,
    private readonly entries: RegisterEntryRepository,
  ) {}

  async recorded(tx: EntityManager, before: StoredStateLike, after: StoredStateLike, at: Date): Promise<void> {
    const id = (after.context as { id: string }).id;
    const listing = searchListingOf(after);
    if (!same(searchListingOf(before), listing)) {
      await (listing ? this.listings.upsert(tx, listing) : this.listings.remove(tx, id));
    }
    const entry = registerEntryOf(after);
    if (!same(registerEntryOf(before), entry)) {
      await (entry ? this.entries.upsert(tx, entry, at) : this.entries.remove(tx, id));
    }
  }
}
