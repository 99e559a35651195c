import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import { ErasePersonUseCase } from '../application/erase-person.use-case';
import { GetPersonalDataQuery } from '../application/get-personal-data.query';
import { ErasePersonalDataDto, PersonalDataDto } from './personal-data.dto';

@ApiTags('personal-data')
@Controller('personal-data')
export class PersonalDataController {
  constructor(
    private readonly getPersonalData: GetPersonalDataQuery,
    private readonly erasePerson: ErasePersonUseCase,
  ) {}

  @Get(':id')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'A personal data record (a `personRef` of the history): its fields, or the erasure record' })
  @ApiOkResponse({ type: PersonalDataDto })
  @ApiNotFoundResponse({ description: 'Unknown record' })
  get(@Param('id', ParseUuidPipe) id: string): Promise<PersonalDataDto> {
    return this.getPersonalData.execute(id);
  }

  @Post(':id/erasure')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase a person (GDPR): fields become a tombstone, the salt is destroyed, the chain still verifies',
    description:
      "The copies in the cooperation's snapshot and stored answers are overwritten; the record keeps who erased " +
      'when and why. The history is untouched: it only ever held the reference and a salted hash.',
  })
  @ApiOkResponse({ type: PersonalDataDto })
  @ApiNotFoundResponse({ description: 'Unknown record' })
  @ApiConflictResponse({ description: 'already-erased' })
  erase(
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: ErasePersonalDataDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonalDataDto> {
    return this.erasePerson.execute(id, body.reason, principal);
  }
}
