import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { UUID_PATTERN } from '../../common/domain/identifiers';
import { PageQuery } from '../../common/pagination';
import type { CaseStatus } from '../../cooperations';

export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'resolved', 'failed', 'closed'];

// ---- GET /escalations ----------------------------------------------------------------------

export class EscalationQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cases of this cooperation' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'validation.uuid' })
  cooperation?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Only cases at this level (1-based) of the conflict procedure' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  level?: number;

  @ApiPropertyOptional({ enum: CASE_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status: CaseStatus = 'open';
}

export class CaseStepDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'The level (1-based) the step happened at' }) level!: number;

  @ApiProperty({
    enum: [
      'raised',
      'opened-automatically',
      'escalated',
      'escalated-automatically',
      'resolved',
      'declared-failed',
      'failed-automatically',
      'closed-by-dissolution',
    ],
  })
  action!: string;

  @ApiProperty({ description: '{ sub, role, municipality }; role `system` for timer steps' }) by!: object;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
}

export class EscalationEntryDto {
  @ApiProperty({ format: 'uuid' }) cooperationId!: string;
  @ApiProperty() cooperationTitle!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: '"Fall 3": the case number within the cooperation' }) number!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: [String] }) parties!: string[];
  @ApiProperty({ description: "{ kind: 'raised', municipality } or { kind: 'overdue-report', reporter, period }" })
  origin!: object;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ description: 'Current (once closed: last) level, 1-based' }) level!: number;
  @ApiProperty() levelName!: string;
  @ApiProperty({ type: String, nullable: true }) levelKind!: string | null;
  @ApiProperty({ description: 'The body that has to answer at this level' }) body!: string;

  @ApiProperty({ type: [String], description: 'Municipalities whose board members act for the body' })
  bodyMunicipalities!: string[];

  @ApiProperty() isLastLevel!: boolean;
  @ApiProperty({ format: 'date-time' }) levelSince!: string;
  @ApiProperty({ format: 'date' }) deadlineOn!: string;
  @ApiProperty({ format: 'date-time' }) deadlineAt!: string;
  @ApiProperty({ description: 'The deadline has passed (the automatic escalation is due)' }) overdue!: boolean;
  @ApiProperty({ description: 'The caller may resolve, escalate or fail the case now' }) mayAct!: boolean;
}

export class EscalationPage {
  @ApiProperty({ type: [EscalationEntryDto] }) items!: EscalationEntryDto[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

export class EscalationCaseDto extends EscalationEntryDto {
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) decision!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [CaseStepDto], description: "The case's own history, oldest first" }) steps!: CaseStepDto[];
}
