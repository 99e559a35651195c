import { Module } from '@nestjs/common';
import { CooperationsModule } from '../cooperations';
import { MunicipalitiesModule } from '../municipalities';
import { PersonalDataStoreModule } from '../personal-data';
import { ListPartnerSearchesQuery } from './application/list-partner-searches.query';
import { ReadRegisterQuery } from './application/read-register.query';
import { RegisterController } from './http/register.controller';
import { RegisterStoreModule } from './register-store.module';

/**
 * What cooperations show outside themselves: the public project register (no sign-in) and the
 * published partner searches. Reads the read models the command path writes (RegisterStoreModule);
 * CooperationsModule for the one Clock.
 */
@Module({
  imports: [RegisterStoreModule, PersonalDataStoreModule, MunicipalitiesModule, CooperationsModule],
  controllers: [RegisterController],
  providers: [ReadRegisterQuery, ListPartnerSearchesQuery],
})
export class RegisterModule {}
