import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '../../auth/access-policy.decorator';
import { IssueDevTokenUseCase } from '../application/issue-dev-token.use-case';
import { DevTokenDto, DevTokenRequestDto } from './dev-token.dto';

/** Registered only outside production (DevSignInModule), so in production the route is a 404. */
@ApiTags('development')
@Controller('dev')
export class DevTokenController {
  constructor(private readonly issue: IssueDevTokenUseCase) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Development sign-in: a token for a chosen role and municipality (absent when NODE_ENV=production)',
  })
  @ApiOkResponse({ type: DevTokenDto })
  @ApiBadRequestResponse({ description: 'Unknown role, malformed AGS, or no municipality for a role that needs one' })
  @ApiUnprocessableEntityResponse({ description: 'unknown-municipality' })
  token(@Body() body: DevTokenRequestDto): Promise<DevTokenDto> {
    return this.issue.execute(body);
  }
}
