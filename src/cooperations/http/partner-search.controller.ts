import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import type { RequestWithId } from '../../common/request-id';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import { ExpressInterestUseCase } from '../application/express-interest.use-case';
import { ExpressInterestDto, InterestDto } from './dto/interest.dto';
import { parseIdempotencyKey, requestFingerprint } from './request-conditions';

/**
 * The one route of a municipality outside a cooperation: answering its published partner search
 * (listed by `GET /partner-searches`). The answer is the interest only, never the cooperation.
 */
@ApiTags('partner-searches')
@Controller('partner-searches')
export class PartnerSearchController {
  constructor(private readonly expressInterest: ExpressInterestUseCase) {}

  @Post(':id/interests')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Express interest in a published partner search, for the own municipality [P3]',
    description:
      'Recorded as EXPRESS_INTEREST in the history of the cooperation; the lead sees it and can invite from it ' +
      '(INVITE_PARTNER). A cooperation without an open search is 404, like an unknown one.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: InterestDto })
  @ApiForbiddenResponse({ description: 'The own municipality already takes part or is invited' })
  @ApiNotFoundResponse({ description: 'No open partner search with this id' })
  @ApiUnprocessableEntityResponse({ description: 'Interest already expressed (invalid-event)' })
  async create(
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: ExpressInterestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: RequestWithId,
  ): Promise<InterestDto> {
    const key = request.headers['idempotency-key'];
    const path = `/api/v1/partner-searches/${id}/interests`;
    const result = await this.expressInterest.execute(id, body.message, principal, {
      requestId: request.id ?? null,
      idempotencyKey: parseIdempotencyKey(Array.isArray(key) ? key.join(',') : key),
      fingerprint: requestFingerprint('POST', path, { message: body.message }),
    });
    return result.answer.interest;
  }
}
