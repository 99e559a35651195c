import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ROLES, type Principal } from '../../auth/principal';
import { SignInOptionsQuery } from '../application/sign-in-options.query';
import { SignedInUserQuery } from '../application/signed-in-user.query';
import { SignedInUserDto, SignInConfigDto } from './sign-in.dto';

@ApiTags('sign-in')
@Controller('sign-in')
export class SignInController {
  constructor(
    private readonly options: SignInOptionsQuery,
    private readonly user: SignedInUserQuery,
  ) {}

  /** Public: the console needs it before anyone is signed in; it holds nothing secret (a public client). */
  @Get('config')
  @Public()
  @ApiOperation({ summary: 'How the console signs in: the OpenID provider and client, or the development sign-in' })
  @ApiOkResponse({ type: SignInConfigDto })
  config(): SignInConfigDto {
    return this.options.execute();
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The signed-in caller as the API maps the token’s claims (role, municipality)' })
  @ApiOkResponse({ type: SignedInUserDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<SignedInUserDto> {
    const user = await this.user.execute(principal);
    return { ...user, municipality: user.municipality ?? null };
  }
}
