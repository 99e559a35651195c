import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class InboxItemDto {
  @ApiProperty({ enum: ['invitation', 'signature', 'report', 'case', 'deadline'] }) kind!: string;
  @ApiProperty({ format: 'uuid' }) cooperationId!: string;
  @ApiProperty() cooperationTitle!: string;
  @ApiProperty({ type: String, nullable: true, example: 'SIGN_LOI', description: 'The event that answers it' })
  action!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Last day to act (in Germany)' })
  deadlineOn!: string | null;
  @ApiProperty({ example: 'Absichtserklärung Fassung 1 unterzeichnen' }) text!: string;
  @ApiPropertyOptional({ format: 'uuid' }) caseId?: string;
  @ApiPropertyOptional({ example: '2027-Q1' }) period?: string;
}

export class InboxDto {
  @ApiProperty({ example: 14 }) horizonDays!: number;
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
}
