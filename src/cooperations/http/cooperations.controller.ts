import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { type Principal, ROLES } from '../../auth/principal';
import { etagOf } from '../../common/etag';
import { preferredLanguage } from '../../common/language';
import type { RequestWithId } from '../../common/request-id';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import type { CommandMeta, CommandOutcome } from '../application/command-runner';
import { CooperationReader } from '../application/get-cooperation.query';
import { ListCooperationsQuery } from '../application/list-cooperations.query';
import { ListReportsQuery } from '../application/list-reports.query';
import { NextEventsQuery } from '../application/next-events.query';
import { OpenCooperationUseCase } from '../application/open-cooperation.use-case';
import { ReadHistoryQuery } from '../application/read-history.query';
import { SendEventUseCase } from '../application/send-event.use-case';
import {
  ChainVerificationDto,
  CooperationDto,
  CooperationPage,
  CooperationQuery,
  CreateCooperationDto,
  EventResultDto,
  HistoryPage,
  HistoryQuery,
  NextEventsDto,
} from './dto/cooperation.dto';
import { EVENT_EXAMPLES } from './dto/event-examples';
import { EVENT_DTOS } from './dto/event.dto';
import { ReportsDto } from './dto/reports.dto';
import { type EventBody, EventBodyPipe } from './event-body.pipe';
import { parseIdempotencyKey, parseIfMatch, requestFingerprint } from './request-conditions';

export const COOPERATIONS_PATH = '/api/v1/cooperations';
const locationOf = (id: string) => `${COOPERATIONS_PATH}/${id}`;
/** Where a case RAISE_CONFLICT opened is read (the escalations context serves it). */
const ESCALATIONS_PATH = '/api/v1/escalations';

const EVENT_CLASSES = Object.values(EVENT_DTOS);

const IDEMPOTENCY_HEADER = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description:
    'A UUID; a retry with the same key and body returns the original answer and writes nothing. ' +
    'Same key, different body: 422 idempotency-key-reused.',
});
const LANGUAGE_HEADER = ApiHeader({
  name: 'Accept-Language',
  required: false,
  description: 'de (default) or en: the language of obligation texts and details',
});

@ApiTags('cooperations')
@Controller('cooperations')
export class CooperationsController {
  constructor(
    private readonly openCooperation: OpenCooperationUseCase,
    private readonly sendEvent: SendEventUseCase,
    private readonly listCooperations: ListCooperationsQuery,
    private readonly reader: CooperationReader,
    private readonly nextEvents: NextEventsQuery,
    private readonly listReports: ListReportsQuery,
    private readonly readHistory: ReadHistoryQuery,
  ) {}

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: "Open a cooperation; the caller's municipality becomes the lead" })
  @IDEMPOTENCY_HEADER
  @ApiCreatedResponse({ type: CooperationDto, description: 'With ETag and Location' })
  @ApiBadRequestResponse({ description: 'Invalid body (problem+json with field paths)' })
  @ApiUnprocessableEntityResponse({ description: 'Idempotency-Key reused for another body' })
  async create(
    @Body() body: CreateCooperationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: RequestWithId,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const plain = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    const result = await this.openCooperation.execute(
      body,
      principal,
      this.commandMeta(request, requestFingerprint('POST', COOPERATIONS_PATH, plain)),
    );
    return answer(result, response);
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Cooperations visible to the caller (auditors and admins: all; others: those of their municipality)',
  })
  @ApiOkResponse({ type: CooperationPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (problem+json)' })
  list(@Query() query: CooperationQuery, @CurrentPrincipal() principal: Principal): Promise<CooperationPage> {
    return this.listCooperations.execute(query, principal);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'One cooperation, with ETag: `"<version>"`' })
  @ApiOkResponse({ type: CooperationDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  async get(
    @Param('id', ParseUuidPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CooperationDto> {
    const cooperation = await this.reader.view(id, principal);
    response.setHeader('ETag', etagOf(cooperation.version));
    // The snapshot holds contacts' names, and an erasure keeps the version (ETag): a cached copy
    // would be revalidated (304) and show the erased name again. So no cache keeps one.
    response.setHeader('Cache-Control', 'no-store');
    return cooperation;
  }

  @Post(':id/events')
  @Roles('coordinator', 'steering-board')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a lifecycle event — the one way to change a cooperation',
    description:
      'Refused events change nothing: 409 obligations-unmet lists every unmet obligation, 409 event-not-allowed ' +
      'when the state has no such transition, 403 when the caller may not send it, 422 invalid-event with field paths. ' +
      'Board members (steering-board) decide escalation cases (RESOLVE_CASE, ESCALATE_CASE, DECLARE_CASE_FAILED); ' +
      'every other event is for coordinators — the domain decides per event. The timer events (REPORT_DUE, ' +
      'REPORT_GRACE_EXPIRED, CASE_DEADLINE_PASSED, NOTICE_PERIOD_ENDED) are sent by the scheduler only: 400.',
  })
  @ApiExtraModels(...EVENT_CLASSES)
  @ApiBody({
    examples: EVENT_EXAMPLES,
    schema: {
      oneOf: EVENT_CLASSES.map((c) => ({ $ref: getSchemaPath(c) })),
      discriminator: {
        propertyName: 'type',
        mapping: Object.fromEntries(Object.entries(EVENT_DTOS).map(([type, c]) => [type, getSchemaPath(c)])),
      },
    },
  })
  @ApiHeader({ name: 'If-Match', required: false, description: '"<version>" from ETag; stale: 412 version-mismatch' })
  @IDEMPOTENCY_HEADER
  @LANGUAGE_HEADER
  @ApiOkResponse({
    type: EventResultDto,
    description:
      'The new snapshot and its history entry, with the new ETag; `warnings` when the record will not satisfy a ' +
      'later obligation; RAISE_CONFLICT: `escalationCase` and `Location` of the case',
  })
  @ApiBadRequestResponse({ description: 'Malformed body, unknown type or field (validation-failed)' })
  @ApiForbiddenResponse({ description: 'The caller may not send this event' })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  @ApiConflictResponse({ description: 'obligations-unmet (with `obligations`) or event-not-allowed' })
  @ApiPreconditionFailedResponse({ description: 'If-Match is stale (version-mismatch, with currentVersion)' })
  @ApiUnprocessableEntityResponse({ description: 'invalid-event, unknown-municipality or idempotency-key-reused' })
  async send(
    @Param('id', ParseUuidPipe) id: string,
    @Body(EventBodyPipe) body: EventBody,
    @CurrentPrincipal() principal: Principal,
    @Req() request: RequestWithId,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.sendEvent.execute(
      id,
      body,
      principal,
      {
        ...this.commandMeta(request, requestFingerprint('POST', `${locationOf(id)}/events`, body)),
        precondition: parseIfMatch(ifMatch),
      },
      preferredLanguage(acceptLanguage),
    );
    const raised = result.answer.escalationCase;
    if (raised) response.setHeader('Location', `${ESCALATIONS_PATH}/${raised.id}`);
    return answer(result, response);
  }

  @Get(':id/next')
  @Roles(...ROLES)
  @LANGUAGE_HEADER
  @ApiOperation({
    summary: 'Every event the caller could send now, allowed or with its unmet obligations',
    description:
      'Per event: `allowed` (role, state, obligations that need no payload), `ready` (the `template` as it is would ' +
      'be accepted now), `dependsOnPayload`, a `template` body filled from the state (current versions, the derived ' +
      "authority, today), readable `hints` and a link to the body's `schema`.",
  })
  @ApiOkResponse({ type: NextEventsDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  async next(
    @Param('id', ParseUuidPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<NextEventsDto> {
    const next = await this.nextEvents.execute(id, principal, preferredLanguage(acceptLanguage));
    return { ...next, events: next.events.map((e) => ({ ...e, schema: schemaLinkOf(e.type) })) };
  }

  @Get(':id/reports')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Reporting periods of every duty with their status (upcoming, due, submitted, acknowledged, overdue)',
    description:
      "Computed for now from the contract's start date and the agreed intervals; before the entry into force the list is empty.",
  })
  @ApiOkResponse({ type: ReportsDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  reports(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ReportsDto> {
    return this.listReports.execute(id, principal);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The hash-chained transition history, in sequence order' })
  @ApiOkResponse({ type: HistoryPage })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  history(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: HistoryQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HistoryPage> {
    return this.readHistory.page(id, principal, query);
  }

  @Get(':id/history/verify')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Recompute the hash chain from the stored entries (docs/hash-chain.md)' })
  @ApiOkResponse({ type: ChainVerificationDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not visible to the caller' })
  verify(
    @Param('id', ParseUuidPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChainVerificationDto> {
    return this.readHistory.verify(id, principal);
  }

  private commandMeta(request: RequestWithId, fingerprint: string): CommandMeta {
    const key = request.headers['idempotency-key'];
    return {
      requestId: request.id ?? null,
      idempotencyKey: parseIdempotencyKey(Array.isArray(key) ? key.join(',') : key),
      fingerprint,
    };
  }
}

/** The OpenAPI component that describes an event's body (`DraftLoiEvent` …). */
function schemaLinkOf(type: string): string | undefined {
  const dto = EVENT_DTOS[type as keyof typeof EVENT_DTOS];
  return dto ? `/docs-json#/components/schemas/${dto.name}` : undefined;
}

/** A command's outcome as HTTP: 201 with Location for a new cooperation, else 200; always the new ETag. */
function answer(result: CommandOutcome<unknown>, response: Response): unknown {
  response.status(result.created ? 201 : 200);
  response.setHeader('ETag', etagOf(result.version));
  if (result.created) response.setHeader('Location', locationOf(result.cooperationId));
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return result.answer;
}
