import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../auth/access-policy.decorator';
import { ROLES } from '../../auth/principal';
import { ParseAgsPipe } from '../../common/ags.pipe';
import { MunicipalityFinder } from '../application/municipality-finder';
import { RegisterMunicipalityUseCase } from '../application/register-municipality.use-case';
import { SearchMunicipalitiesQuery } from '../application/search-municipalities.query';
import { CreateMunicipalityDto, MunicipalityDto, MunicipalityPage, MunicipalityQuery } from './municipality.dto';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(
    private readonly searchRegistry: SearchMunicipalitiesQuery,
    private readonly finder: MunicipalityFinder,
    private readonly register: RegisterMunicipalityUseCase,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Search the registry of public bodies (396 NRW municipalities, 31 Kreise, and bodies added by admins)',
  })
  @ApiOkResponse({ type: MunicipalityPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (problem+json)' })
  search(@Query() query: MunicipalityQuery): Promise<MunicipalityPage> {
    return this.searchRegistry.execute(query);
  }

  @Get(':ags')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One public body by its key (AGS)' })
  @ApiOkResponse({ type: MunicipalityDto })
  @ApiBadRequestResponse({ description: 'The key is not 8 digits' })
  @ApiNotFoundResponse({ description: 'No body with this key' })
  get(@Param('ags', ParseAgsPipe) ags: string): Promise<MunicipalityDto> {
    return this.finder.get(ags);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Register another public body (e.g. a Landschaftsverband or a municipality of another Land)',
  })
  @ApiCreatedResponse({ type: MunicipalityDto })
  @ApiConflictResponse({ description: 'The key is already registered' })
  create(@Body() body: CreateMunicipalityDto): Promise<MunicipalityDto> {
    return this.register.execute(body);
  }
}
