import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { type Principal, ROLES } from '../../auth/principal';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import { EscalationQueueQuery } from '../application/escalation-queue.query';
import { GetCaseQuery } from '../application/get-case.query';
import { EscalationCaseDto, EscalationPage, EscalationQuery } from './escalation.dto';

@ApiTags('escalations')
@Controller('escalations')
export class EscalationsController {
  constructor(
    private readonly queue: EscalationQueueQuery,
    private readonly getCase: GetCaseQuery,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: "The steering board's queue: escalation cases, oldest deadline first",
    description:
      'Board members (steering-board) see the cases they may decide: at the levels whose body their municipality ' +
      'belongs to as an active partner (level 1: the steering body; later levels: every partner); coordinators ' +
      'the cases of their cooperations; auditors and admins all. ' +
      'Nobody sees the cases of cooperations they take no part in (an empty list, never 403). Default: open cases.',
  })
  @ApiOkResponse({ type: EscalationPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (problem+json)' })
  list(@Query() query: EscalationQuery, @CurrentPrincipal() principal: Principal): Promise<EscalationPage> {
    return this.queue.execute(query, principal);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One escalation case with its own history (steps: level, action, actor, time, text)' })
  @ApiOkResponse({ type: EscalationCaseDto })
  @ApiNotFoundResponse({ description: 'escalation-case-not-found: unknown, or not visible to the caller' })
  get(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<EscalationCaseDto> {
    return this.getCase.execute(id, principal);
  }
}
