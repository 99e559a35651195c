import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGS_PATTERN, INT4_MAX } from '../../../common/domain/identifiers';
import { PageQuery } from '../../../common/pagination';
import type { HistoryEntry } from '../../../history';
import {
  type CooperationContext,
  describeLifecycle,
  type LifecycleStateValue,
  MOTIVE_IDS,
  type Member,
} from '../../domain';

/** Every state a cooperation can be in, as dotted paths (`active` and its regions included). */
export const STATE_FILTER_VALUES: readonly string[] = describeLifecycle()
  .states.filter((s) => s.type !== 'history')
  .map((s) => s.id);

const STATE_VALUE = {
  oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
  example: { active: { reporting: 'onTrack', escalation: 'calm', membership: 'stable' } },
  description: 'The state as a structure: a phase name, or `active` with the state of each parallel region',
};

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCooperationDto {
  @ApiProperty({ example: 'Gemeinsamer Bauhof Heek – Legden – Schöppingen', maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Matches(/\S/, { message: 'validation.notBlank' })
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'Bauhof', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Matches(/\S/, { message: 'validation.notBlank' })
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
    enum: STATE_FILTER_VALUES,
    description: 'State or phase; `active` also matches its sub-states (e.g. `active.reporting.overdue`)',
  })
  @IsOptional()
  @IsIn(STATE_FILTER_VALUES)
  state?: string;

  @ApiPropertyOptional({
    example: '05554036',
    description: 'AGS of a municipality taking part (lead, partner or invited)',
  })
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'validation.ags' })
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
  @ApiProperty(STATE_VALUE) stateValue!: LifecycleStateValue;
  @ApiProperty({ description: 'Changes with every accepted event; send it as If-Match' }) version!: number;
  @ApiProperty({ type: [ParticipantDto] }) members!: ParticipantDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BilingualDto {
  @ApiProperty() de!: string;
  @ApiProperty() en!: string;
}

export class AuthorityNamesDto {
  @ApiProperty({ example: 'Landrätin oder Landrat des Kreises Borken' }) de!: string;
  @ApiProperty({ example: 'Landrätin des Kreises Borken' }) deFemale!: string;
  @ApiProperty({ example: 'Landrat des Kreises Borken' }) deMale!: string;
  @ApiProperty() en!: string;
}

export class AuthorityRefDto {
  @ApiProperty({ example: 'landrat:05554', description: 'Stable id; records may name it or any of its names' })
  id!: string;
  @ApiProperty({ type: AuthorityNamesDto }) names!: AuthorityNamesDto;
  @ApiProperty({ type: BilingualDto }) role!: BilingualDto;
}

export class MemberAuthorityDto {
  @ApiProperty({ example: '05554036' }) ags!: string;
  @ApiProperty({ type: AuthorityRefDto }) authority!: AuthorityRefDto;
}

export class LegalRuleRefDto {
  @ApiProperty({ example: 'GKG-29-4-S2-OERV' }) id!: string;
  @ApiProperty({ example: '§ 29 Abs. 4 S. 2 GkG NRW' }) citation!: string;
  @ApiProperty({ enum: ['verified', 'reading', 'unverified'] }) certainty!: string;
}

/** The competent supervisory authority derived from the legal form and the members (issue 13, § 29 GkG NRW). */
export class CompetentAuthorityDto {
  @ApiProperty({ enum: ['conclusion', 'amendment'] }) procedure!: string;
  @ApiProperty({
    example: '2026-07-06',
    description: 'Date the rules were taken at: receipt of the application, else today',
  })
  on!: string;
  @ApiProperty({ enum: ['determined', 'designation-required', 'per-member', 'none', 'incomplete'] }) status!: string;
  @ApiPropertyOptional({ type: AuthorityRefDto }) authority?: AuthorityRefDto;
  @ApiPropertyOptional({ type: AuthorityRefDto, description: 'designation-required: who designates' })
  designatedBy?: AuthorityRefDto;
  @ApiPropertyOptional({ type: AuthorityRefDto, description: 'designation-required: proposed until designated' })
  proposed?: AuthorityRefDto;
  @ApiProperty() designationRequired!: boolean;
  @ApiPropertyOptional({ type: [MemberAuthorityDto], description: 'per-member (§ 115 GO NRW)' })
  members?: MemberAuthorityDto[];
  @ApiPropertyOptional({ example: '§ 29 Abs. 4 S. 2 GkG NRW Nr. 2' }) basis?: string;
  @ApiPropertyOptional({ type: LegalRuleRefDto }) rule?: LegalRuleRefDto;
  @ApiProperty({ type: [BilingualDto] }) warnings!: BilingualDto[];
  @ApiPropertyOptional({ type: [String], example: ['seat'] }) missing?: string[];
}

export class CooperationDto extends CooperationSummaryDto {
  @ApiProperty({ description: 'Machine-definition version the context is presented in' }) definitionVersion!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'partners, contacts, letter of intent, governance, contract — as the lifecycle records them',
  })
  context!: CooperationContext;

  @ApiPropertyOptional({
    type: CompetentAuthorityDto,
    nullable: true,
    description: 'The competent supervisory authority as soon as legal form and members are known (reads only)',
  })
  competentAuthority?: CompetentAuthorityDto | null;
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

export class ObligationNatureDto {
  @ApiProperty({ enum: ['statutory', 'conditional', 'recommended'] }) kind!: string;
  @ApiProperty({ description: 'Statute (statutory, conditional) or FAQ paragraph (recommended)' }) basis!: string;
  @ApiPropertyOptional({ type: BilingualDto, description: 'Conditional: when the statute requires it' })
  statutoryFor?: BilingualDto;
  @ApiProperty({ description: 'May be waived with a reason (WAIVE_OBLIGATION)' }) waivable!: boolean;
  @ApiPropertyOptional({ type: BilingualDto }) notWaivableBecause?: BilingualDto;
  @ApiProperty({ type: [String], description: '"ggfs." parts that may be marked not applicable' })
  markableNotApplicable!: string[];
  @ApiProperty({ description: 'Version of the obligation catalog' }) catalogVersion!: number;
}

export class UnmetObligationDto {
  @ApiProperty({ example: 'OBL-CONTACT-AUTHORITY' }) id!: string;
  @ApiProperty({ description: 'Catalog text in the answer language' }) message!: string;
  @ApiProperty({ example: '[P4]' }) citation!: string;
  @ApiProperty({ type: String, nullable: true }) legalBasis!: string | null;
  @ApiProperty() satisfiedBy!: string;
  @ApiProperty({ type: [String], example: ['contact:05554052'] }) missing!: string[];
  @ApiProperty({
    type: [String],
    example: ['Ansprechperson Schöppingen (05554052) fehlt'],
    description: '`missing` as sentences in the answer language, naming the municipality',
  })
  missingText!: string[];
  @ApiProperty({ type: ObligationNatureDto }) nature!: ObligationNatureDto;
}

export class EventWarningDto extends UnmetObligationDto {
  @ApiProperty({ example: 'Angenommen – aber so wird diese Pflicht später nicht erfüllt: …' }) detail!: string;
}

export class RaisedCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1 }) number!: number;
}

export class EventResultDto {
  @ApiProperty({ type: CooperationDto }) cooperation!: CooperationDto;
  @ApiProperty({ type: HistoryEntryDto }) entry!: HistoryEntryDto;
  @ApiPropertyOptional({ type: RaisedCaseDto, description: 'RAISE_CONFLICT: the case it opened (also `Location`)' })
  escalationCase?: RaisedCaseDto;
  @ApiPropertyOptional({
    type: [EventWarningDto],
    description: 'Accepted, but the record will not satisfy these later obligations',
  })
  warnings?: EventWarningDto[];
}

export class NextEventDto {
  @ApiProperty({ example: 'START_LETTER_OF_INTENT' }) type!: string;
  @ApiProperty({ description: 'Role, state and the obligations that need no payload allow it' }) allowed!: boolean;
  @ApiProperty({ description: 'Sending `template` as it is would be accepted now' }) ready!: boolean;
  @ApiProperty({ description: 'Whether it passes depends on the body (text to write, values an obligation judges)' })
  dependsOnPayload!: boolean;
  @ApiPropertyOptional({ enum: ['forbidden', 'invalid', 'obligations-unmet'] }) reason?: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ type: [UnmetObligationDto] }) obligations?: UnmetObligationDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { type: 'SIGN_LOI', version: 2 },
    description: 'A body to start from: current versions, the derived authority and today filled in',
  })
  template!: Record<string, unknown>;
  @ApiProperty({ type: [String], example: ['zuständig: Landrat des Kreises Borken'] }) hints!: string[];
  @ApiPropertyOptional({ example: '/docs-json#/components/schemas/SignLoiEvent' }) schema?: string;
}

export class NextEventsDto {
  @ApiProperty({ example: 'partnerSearch' }) state!: string;
  @ApiProperty(STATE_VALUE) stateValue!: LifecycleStateValue;
  @ApiProperty() version!: number;
  @ApiProperty({ type: CompetentAuthorityDto, nullable: true }) competentAuthority!: CompetentAuthorityDto | null;
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

export class ObligationDto {
  @ApiProperty({ example: 'OBL-PARTNERS-MIN' }) id!: string;
  @ApiProperty({ example: 'partnerSearch', description: 'The phase whose exit it guards' }) phase!: string;
  @ApiProperty({ type: BilingualDto }) text!: BilingualDto;
  @ApiProperty({ example: '[P4]' }) citation!: string;
  @ApiProperty({ type: String, nullable: true }) legalBasis!: string | null;
  @ApiProperty({ type: BilingualDto }) satisfiedBy!: BilingualDto;
  @ApiProperty({ type: ObligationNatureDto }) nature!: ObligationNatureDto;
}

export class ObligationPage {
  @ApiProperty({ description: 'Version of the obligation catalog' }) catalogVersion!: number;
  @ApiProperty({ type: [ObligationDto] }) items!: ObligationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the catalog is one page' }) next!: null;
}
