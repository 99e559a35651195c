import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { Public, Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ListPartnerSearchesQuery } from '../application/list-partner-searches.query';
import { ReadRegisterQuery } from '../application/read-register.query';
import { registerCsv } from './register-csv';
import { PartnerSearchPage, PartnerSearchQuery, PublicFilterQuery, RegisterPage } from './register.dto';

/**
 * Caches may keep the register but must ask every time (`no-cache`): a revocation takes effect with
 * the next request, and the ETag makes asking cheap (304).
 */
const CACHE_CONTROL = 'public, no-cache';

/** Answers 304 when the client holds this representation; otherwise sets its validators. */
function conditional(request: Request, response: Response, body: string): boolean {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', CACHE_CONTROL);
  response.setHeader('Vary', 'Accept-Language');
  const held = request.headers['if-none-match'];
  if (held && held.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    response.status(304).end();
    return true;
  }
  return false;
}

@ApiTags('register')
@Controller()
export class RegisterController {
  constructor(
    private readonly register: ReadRegisterQuery,
    private readonly searches: ListPartnerSearchesQuery,
  ) {}

  @Get('register')
  @Public()
  @ApiOperation({
    summary: 'The public project register: cooperations every member agreed to publish (no sign-in)',
    description:
      'Contacts appear only where the person consented themselves; ETag and If-None-Match (304); ' +
      'Cache-Control: public, no-cache; rate-limited per address (docs/register.md).',
  })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ type: RegisterPage })
  async list(@Query() query: PublicFilterQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const body = JSON.stringify({ items: await this.register.list(query) });
    if (conditional(request, response, body)) return;
    response.type('application/json').send(body);
  }

  @Get('register.csv')
  @Public()
  @ApiOperation({ summary: 'The public project register as CSV (UTF-8, semicolons), same filters' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8' })
  @Header('Content-Disposition', 'attachment; filename="projektregister.csv"')
  async csv(@Query() query: PublicFilterQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const body = registerCsv(await this.register.list(query));
    if (conditional(request, response, body)) return;
    response.type('text/csv; charset=utf-8').send(body);
  }

  @Get('partner-searches')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Published partner searches still open, own Kreis and Regierungsbezirk first [P3]',
    description:
      'Shows what the lead published, never the cooperation itself; withdrawn and expired searches are absent.',
  })
  @ApiOkResponse({ type: PartnerSearchPage })
  listSearches(
    @Query() query: PartnerSearchQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PartnerSearchPage> {
    return this.searches.execute(query, principal);
  }
}
