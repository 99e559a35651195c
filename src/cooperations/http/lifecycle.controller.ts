import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access-policy.decorator';
import { ROLES } from '../../auth/principal';
import {
  describeLifecycle,
  type LifecycleDescription,
  lifecycleMermaid,
  OBLIGATION_CATALOG_VERSION,
  OBLIGATION_IDS,
  obligationNature,
  OBLIGATIONS,
} from '../domain';
import { LifecycleQuery, ObligationPage } from './dto/cooperation.dto';

const MERMAID_TYPE = 'text/plain; charset=utf-8';

/** The rules themselves, read from the domain: what clients and diagrams are built from. */
@ApiTags('lifecycle')
@Controller()
export class LifecycleController {
  @Get('obligations')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'The obligation catalog (versioned): id, phase, text (de/en), seed citation, legal basis, nature',
  })
  @ApiOkResponse({ type: ObligationPage })
  obligations(): ObligationPage {
    return {
      catalogVersion: OBLIGATION_CATALOG_VERSION,
      items: OBLIGATION_IDS.map((id) => ({ ...OBLIGATIONS[id], nature: obligationNature(id) })),
      next: null,
    };
  }

  @Get('lifecycle')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'The machine definition as JSON (states, events, guards → obligation ids), or ?format=mermaid',
  })
  @ApiProduces('application/json', MERMAID_TYPE)
  @ApiOkResponse({ description: 'describeLifecycle() as JSON, or a Mermaid stateDiagram-v2' })
  lifecycle(
    @Query() query: LifecycleQuery,
    @Res({ passthrough: true }) response: Response,
  ): LifecycleDescription | string {
    if (query.format !== 'mermaid') return describeLifecycle();
    response.type(MERMAID_TYPE);
    return lifecycleMermaid();
  }

  @Get('lifecycle.mermaid')
  @Roles(...ROLES)
  @Header('Content-Type', MERMAID_TYPE)
  @ApiOperation({ summary: 'The machine as a Mermaid stateDiagram-v2' })
  @ApiProduces(MERMAID_TYPE)
  @ApiOkResponse({ description: 'Mermaid text' })
  mermaid(): string {
    return lifecycleMermaid();
  }
}
