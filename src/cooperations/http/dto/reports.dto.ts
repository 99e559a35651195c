import { ApiProperty } from '@nestjs/swagger';

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
