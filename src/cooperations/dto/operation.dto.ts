import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { UUID_PATTERN } from '../../common/domain/identifiers';
import { PageQuery } from '../../common/pagination';
import type { CaseStatus } from '../domain';

export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'resolved', 'failed', 'closed'];

// ---- GET /cooperations/{id}/reports ----------------------------------------------------------

export class ReportSubmissionDto {
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'Token subject of the submitting coordinator' }) submittedBy!: string;
  @ApiProperty({ description: 'Submitted after the due date' }) late!: boolean;
  @ApiProperty({ type: [String], description: 'Partners (AGS) that acknowledged the report' })
  acknowledgedBy!: string[];
  @ApiProperty({ type: [String], description: 'Partners whose acknowledgement is outstanding' }) awaiting!: string[];
}

export class ReportingPeriodDto {
  @ApiProperty({ example: '05554024' }) reporter!: string;
  @ApiProperty({ enum: ['monthly', 'quarterly', 'half-yearly', 'yearly'] }) interval!: string;
  @ApiProperty({ description: 'Index of the period since the term start' }) index!: number;
  @ApiProperty({ example: '2027-Q1', description: 'Label: 2027-Q1, 2027-03, 2027-H2, 2027 or <start>/P3M' })
  period!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ format: 'date', description: 'Due by the end of this day (Germany)' }) dueOn!: string;
  @ApiProperty({ format: 'date', description: 'After this day an overdue report opens a case' }) graceEndsOn!: string;

  @ApiProperty({ enum: ['upcoming', 'due', 'submitted', 'acknowledged', 'overdue'] })
  status!: string;

  @ApiProperty({ type: ReportSubmissionDto, nullable: true }) report!: ReportSubmissionDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'The case the grace period opened, if any' })
  escalationCaseId!: string | null;
}

export class ReportsDto {
  @ApiProperty({ format: 'uuid' }) cooperationId!: string;
  @ApiProperty({ description: 'Current state string' }) state!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant the statuses are computed for' }) asOf!: string;

  @ApiProperty({
    type: [ReportingPeriodDto],
    description: 'Per reporting duty: every period from the first up to the current one and the next',
  })
  periods!: ReportingPeriodDto[];
}

// ---- GET /escalations ----------------------------------------------------------------------

export class EscalationQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cases of this cooperation' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'cooperation must be a UUID' })
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
