import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities';
import { SignInOptionsQuery } from './application/sign-in-options.query';
import { SignedInUserQuery } from './application/signed-in-user.query';
import { SignInController } from './http/sign-in.controller';

/**
 * What the console needs to sign in in every deployment: how (GET /api/v1/sign-in/config) and who
 * the API then takes the user for (GET /api/v1/sign-in/me).
 */
@Module({
  imports: [MunicipalitiesModule],
  controllers: [SignInController],
  providers: [SignInOptionsQuery, SignedInUserQuery],
})
export class SignInModule {}
