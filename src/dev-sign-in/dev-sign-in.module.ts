import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities';
import { IssueDevTokenUseCase } from './application/issue-dev-token.use-case';
import { DevTokenController } from './http/dev-token.controller';

/**
 * The console's development sign-in (POST /api/v1/dev/token). AppModule imports it only when
 * NODE_ENV is not `production`: production tokens come from the identity provider.
 */
@Module({
  imports: [MunicipalitiesModule],
  controllers: [DevTokenController],
  providers: [IssueDevTokenUseCase],
})
export class DevSignInModule {}
