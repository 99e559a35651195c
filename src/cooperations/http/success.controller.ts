import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { type Principal, ROLES } from '../../auth/principal';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import { SuccessQuery } from '../application/success.query';
import { SuccessDto } from './dto/success.dto';

@ApiTags('cooperations')
@Controller('cooperations')
export class SuccessController {
  constructor(private readonly success: SuccessQuery) {}

  @Get(':id/success')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Success tracking [P6]: each success criterion of the letter of intent against the reported values',
    description:
      'One series per criterion: target, the value of every report, who reported it and whether it is acknowledged.',
  })
  @ApiOkResponse({ type: SuccessDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  get(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SuccessDto> {
    return this.success.execute(id, principal);
  }
}
