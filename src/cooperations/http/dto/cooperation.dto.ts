import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGS_PATTERN, INT4_MAX } from '../../../common/domain/identifiers';
import { PageQuery } from '../../../common/pagination';
import type { HistoryEntry } from '../../../history';
import { type CooperationContext, MOTIVE_IDS, type Member } from '../../domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCooperationDto {
  @ApiProperty({ example: 'Gemeinsamer Bauhof Heek – Legden – Schöppingen', maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'Bauhof', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Matches(/\S/, { message: 'fieldOfWork must not be empty' })
  @MaxLength(200)
  fieldOfWork!: string;

  @ApiProperty({ enum: MOTIVE_IDS, description: 'The motive for cooperating, from the FAQ list [P1]' })
  @IsIn(MOTIVE_IDS)
  motive!: string;

  @ApiProperty({ maxLength: 20_000 })
  @IsString()
  @MaxLength(20_000)
  description!: string;
}

export class CooperationQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'contract',
    description: 'State or phase; `active` also matches its sub-states (e.g. `active.reporting.due`)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z]+(\.[A-Za-z]+)*$/, { message: 'state must be a dotted state name such as contract' })
  @MaxLength(200)
  state?: string;

  @ApiPropertyOptional({
    example: '05554036',
    description: 'AGS of a municipality taking part (lead, partner or invited)',
  })
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'municipality must be 8 digits' })
  municipality?: string;

  @ApiPropertyOptional({ example: 'bauhof', description: 'Part of the title; case- and umlaut-insensitive' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class HistoryQuery extends PageQuery {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: INT4_MAX,
    description: 'Entries after this sequence number (alternative to `cursor`)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  after?: number;
}

export class LifecycleQuery {
  @ApiPropertyOptional({ enum: ['json', 'mermaid'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'mermaid'])
  format?: 'json' | 'mermaid';
}

export class ParticipantDto {
  @ApiProperty({ example: '05554036' }) ags!: string;
  @ApiProperty({ example: 'Legden' }) name!: string;
  @ApiProperty({ enum: ['lead', 'partner'] }) role!: Member['role'];
  @ApiProperty({ enum: ['invited', 'active', 'declined', 'withdrawn', 'left'] }) status!: Member['status'];
}

export class CooperationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() fieldOfWork!: string;
  @ApiProperty({ example: '05554024', description: 'AGS of the lead municipality' }) lead!: string;
  @ApiProperty({ example: 'letterOfIntent', description: 'Dotted state value' }) state!: string;
  @ApiProperty({ description: 'Changes with every accepted event; send it as If-Match' }) version!: number;
  @ApiProperty({ type: [ParticipantDto] }) members!: ParticipantDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CooperationDto extends CooperationSummaryDto {
  @ApiProperty({ description: 'Machine-definition version the context is presented in' }) definitionVersion!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'partners, contacts, letter of intent, governance, contract — as the lifecycle records them',
  })
  context!: CooperationContext;
}

export class CooperationPage {
  @ApiProperty({ type: [CooperationSummaryDto] }) items!: CooperationSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

export class ActorDto {
  @ApiProperty() sub!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, nullable: true }) municipality!: string | null;
}

export class EvaluatedObligationDto {
  @ApiProperty({ example: 'OBL-PARTNERS-MIN' }) id!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty({ type: [String] }) missing!: string[];
}

/** An entry exactly as docs/hash-chain.md specifies it (the NDJSON export has the same lines). */
export class HistoryEntryDto implements HistoryEntry {
  @ApiProperty({ format: 'uuid' }) cooperationId!: string;
  @ApiProperty({ minimum: 1 }) sequence!: number;
  @ApiProperty({ example: 'SIGN_LOI' }) eventType!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The validated event without `type`' })
  payload!: unknown;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty({ type: String, nullable: true }) stateBefore!: string | null;
  @ApiProperty() stateAfter!: string;
  @ApiProperty({ type: [EvaluatedObligationDto] }) obligations!: unknown[];
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) idempotencyKey!: string | null;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) prevHash!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) hash!: string;
}

export class HistoryPage {
  @ApiProperty({ type: [HistoryEntryDto] }) items!: HistoryEntryDto[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

export class EventResultDto {
  @ApiProperty({ type: CooperationDto }) cooperation!: CooperationDto;
  @ApiProperty({ type: HistoryEntryDto }) entry!: HistoryEntryDto;
}

export class UnmetObligationDto {
  @ApiProperty({ example: 'OBL-CONTACT-AUTHORITY' }) id!: string;
  @ApiProperty({ description: 'Catalog text in the answer language' }) message!: string;
  @ApiProperty({ example: '[P4]' }) citation!: string;
  @ApiProperty({ type: String, nullable: true }) legalBasis!: string | null;
  @ApiProperty() satisfiedBy!: string;
  @ApiProperty({ type: [String], example: ['contact:05554052'] }) missing!: string[];
}

export class NextEventDto {
  @ApiProperty({ example: 'START_LETTER_OF_INTENT' }) type!: string;
  @ApiProperty({ description: 'true: sending it now passes, given a valid payload' }) allowed!: boolean;
  @ApiPropertyOptional({ enum: ['forbidden', 'invalid', 'obligations-unmet'] }) reason?: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ type: [UnmetObligationDto] }) obligations?: UnmetObligationDto[];
}

export class NextEventsDto {
  @ApiProperty({ example: 'partnerSearch' }) state!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [NextEventDto] }) events!: NextEventDto[];
}

export class ChainVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty() entries!: number;
  @ApiPropertyOptional({ description: 'Hash of the last entry (when valid)' }) headHash?: string;
  @ApiPropertyOptional({ description: 'First sequence number that fails (when not valid)' })
  firstBrokenSequence?: number;
  @ApiPropertyOptional() reason?: string;
}

export class BilingualDto {
  @ApiProperty() de!: string;
  @ApiProperty() en!: string;
}

export class ObligationDto {
  @ApiProperty({ example: 'OBL-PARTNERS-MIN' }) id!: string;
  @ApiProperty({ example: 'partnerSearch', description: 'The phase whose exit it guards' }) phase!: string;
  @ApiProperty({ type: BilingualDto }) text!: BilingualDto;
  @ApiProperty({ example: '[P4]' }) citation!: string;
  @ApiProperty({ type: String, nullable: true }) legalBasis!: string | null;
  @ApiProperty({ type: BilingualDto }) satisfiedBy!: BilingualDto;
}

export class ObligationPage {
  @ApiProperty({ type: [ObligationDto] }) items!: ObligationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the catalog is one page' }) next!: null;
}
