import { Module } from '@nestjs/common';
import { RegisterProjection } from './application/register-projection';
import { PartnerSearchListingRepository } from './infrastructure/partner-search-listing.repository';
import { RegisterEntryRepository } from './infrastructure/register-entry.repository';

/**
 * What the cooperations' command path needs of the register: the projection it writes in its
 * transaction. Without dependencies, so cooperations can import it while the register feature
 * module reads the same tables.
 */
@Module({
  providers: [PartnerSearchListingRepository, RegisterEntryRepository, RegisterProjection],
  exports: [PartnerSearchListingRepository, RegisterEntryRepository, RegisterProjection],
})
export class RegisterStoreModule {}
