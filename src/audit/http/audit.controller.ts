import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { problem, text } from '../../common/i18n';
import { ProblemException, validationProblem } from '../../common/problem';
import type { RequestWithId } from '../../common/request-id';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import { AuditFeedQuery } from '../application/audit-feed.query';
import { AuditKey } from '../application/audit-key';
import { ReadCheckpointsQuery } from '../application/read-checkpoints.query';
import { SignCheckpointUseCase } from '../application/sign-checkpoint.use-case';
import type { CheckpointDocument } from '../domain/checkpoint';
import {
  AllChainsVerificationDto,
  AuditTransitionsQuery,
  CheckpointPage,
  CheckpointQuery,
  CheckpointVerificationDto,
  PublicKeyDto,
} from './audit.dto';
import { writeExport } from './transitions-export';

const NDJSON = 'application/x-ndjson';
const CSV = 'text/csv';

/** Auditors (Rechnungsprüfungsamt, supervisory authority, funding bodies) and admins read everything here. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly feed: AuditFeedQuery,
    private readonly signCheckpoint: SignCheckpointUseCase,
    private readonly checkpoints: ReadCheckpointsQuery,
    private readonly key: AuditKey,
  ) {}

  @Get('transitions')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'The global history feed across cooperations, oldest first; NDJSON or CSV streams an export',
    description:
      'Ordered by (recordedAt, cooperationId, sequence). With Accept: application/x-ndjson every matching entry is ' +
      'streamed, one hash-chain entry per line (docs/hash-chain.md) — scripts/verify-chain.js and ' +
      'scripts/verify-checkpoint.js check it. text/csv: the same entries as CSV. Every read is logged.',
  })
  @ApiProduces('application/json', NDJSON, CSV)
  @ApiOkResponse({ description: '{items, next} of hash-chain entries, or the streamed export' })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor (problem+json)' })
  async transitions(
    @Query() query: AuditTransitionsQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: RequestWithId,
    @Res() response: Response,
  ): Promise<void> {
    const type = request.accepts(['application/json', NDJSON, CSV]);
    if (type === false) {
      throw new ProblemException(406, 'not-acceptable', problem('not-acceptable-export'));
    }
    if (type === 'application/json') {
      response.json(await this.feed.page(query, principal, request.id));
      return;
    }
    const format = type === NDJSON ? 'ndjson' : 'csv';
    const batches = await this.feed.exportBatches(query, `export-${format}`, principal, request.id);
    await writeExport(batches, format, response, { sub: principal.sub, requestId: request.id });
  }

  @Get('verify')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Recompute every chain (batched); lists the broken ones' })
  @ApiOkResponse({ type: AllChainsVerificationDto })
  verify(): Promise<AllChainsVerificationDto> {
    return this.feed.verifyAll();
  }

  @Post('checkpoints')
  @Roles('auditor', 'admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign a checkpoint now: every chain head, one root hash, Ed25519 signature' })
  @ApiCreatedResponse({ description: 'The signed checkpoint document' })
  @ApiBadRequestResponse({ description: 'A body was sent: this request takes none' })
  async createCheckpoint(
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CheckpointDocument> {
    const empty =
      body === undefined ||
      (typeof body === 'object' &&
        body !== null &&
        Object.getPrototypeOf(body) === Object.prototype &&
        Object.keys(body).length === 0);
    if (!empty) throw validationProblem([{ path: '', message: text('validation.noBody') }]);
    const document = await this.signCheckpoint.execute();
    response.setHeader('Location', `/api/v1/audit/checkpoints/${document.id}`);
    return document;
  }

  @Get('checkpoints')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Checkpoints, oldest first (without their heads)' })
  @ApiOkResponse({ type: CheckpointPage })
  listCheckpoints(@Query() query: CheckpointQuery): Promise<CheckpointPage> {
    return this.checkpoints.list(query);
  }

  @Get('checkpoints/:id')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'One checkpoint document, as signed (for scripts/verify-checkpoint.js)' })
  @ApiOkResponse({ description: 'The checkpoint document' })
  @ApiNotFoundResponse({ description: 'No such checkpoint' })
  async getCheckpoint(
    @Param('id', ParseUuidPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CheckpointDocument> {
    const document = await this.checkpoints.get(id);
    response.setHeader('Content-Disposition', `attachment; filename="checkpoint-${id}.json"`);
    return document;
  }

  @Get('checkpoints/:id/verify')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'The stored history against a checkpoint: names the first entry that differs from the signed one',
  })
  @ApiOkResponse({ type: CheckpointVerificationDto })
  @ApiNotFoundResponse({ description: 'No such checkpoint' })
  verifyCheckpoint(@Param('id', ParseUuidPipe) id: string): Promise<CheckpointVerificationDto> {
    return this.checkpoints.verify(id);
  }

  @Get('public-key')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'The key that signs checkpoints (PEM); obtain it once and keep it independently' })
  @ApiOkResponse({ type: PublicKeyDto })
  publicKey(): PublicKeyDto {
    return this.key.info();
  }
}
