import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { type Principal, ROLES } from '../../auth/principal';
import { type Language, preferredLanguage } from '../../common/language';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import { StatusReportQuery } from '../application/status-report.query';
import { renderStatusReport } from './status-report.pdf';

@ApiTags('cooperations')
@Controller('cooperations')
export class StatusReportController {
  constructor(private readonly report: StatusReportQuery) {}

  @Get(':id/report.pdf')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Status report for the council (Sachstandsbericht) as PDF',
    description:
      'Members and contacts’ offices, phases and history, obligations met, open escalation cases, success criteria ' +
      'with charts, upcoming deadlines, the head hash of the chain and the latest signed checkpoint. German by ' +
      'default; English with `lang=en` or `Accept-Language: en`.',
  })
  @ApiQuery({ name: 'lang', required: false, enum: ['de', 'en'] })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  async pdf(
    @Param('id', ParseUuidPipe) id: string,
    @Query('lang') lang: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    const language: Language = lang === 'en' || lang === 'de' ? lang : preferredLanguage(acceptLanguage);
    const report = await this.report.execute(id, principal);
    const pdf = await renderStatusReport(report, language);
    response
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `inline; filename="sachstandsbericht-${id}.pdf"`)
      .setHeader('Content-Language', language)
      .setHeader('Cache-Control', 'private, no-store')
      .send(pdf);
  }
}
