import { Controller, Get, Headers } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { type Principal, ROLES } from '../../auth/principal';
import { preferredLanguage } from '../../common/language';
import { InboxQuery } from '../application/inbox.query';
import { InboxDto } from './dto/inbox.dto';

/** What waits for the caller: the start page of a clerk's day. */
@ApiTags('me')
@Controller('me')
export class InboxController {
  constructor(private readonly inbox: InboxQuery) {}

  @Get('inbox')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'What waits for the caller, soonest deadline first',
    description:
      'Offene Einladungen, fehlende eigene Unterschriften, fällige Berichte der eigenen Kommune, Fälle, in denen ' +
      'die Person entscheiden darf, und Fristen der nächsten 14 Tage. / Open invitations, signatures of ' +
      "the caller's municipality missing, reports it owes, cases the caller may decide, and deadlines within 14 days. " +
      'Only cooperations the caller may see; auditors and admins get an empty list.',
  })
  @ApiOkResponse({ type: InboxDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<InboxDto> {
    return this.inbox.execute(principal, preferredLanguage(acceptLanguage));
  }
}
