import { Module } from '@nestjs/common';
import { CooperationsModule } from '../cooperations/cooperations.module';
import { ErasePersonUseCase } from './application/erase-person.use-case';
import { GetPersonalDataQuery } from './application/get-personal-data.query';
import { PersonalDataController } from './http/personal-data.controller';
import { PersonalDataStoreModule } from './personal-data-store.module';

/** People's data outside the hash chain: reading a record, and erasure (GDPR Art. 17). */
@Module({
  imports: [CooperationsModule, PersonalDataStoreModule],
  controllers: [PersonalDataController],
  providers: [GetPersonalDataQuery, ErasePersonUseCase],
})
export class PersonalDataModule {}
