import { ApiProperty } from '@nestjs/swagger';

// ---- GET /cooperations/{id}/success ----------------------------------------------------------

export class SuccessPointDto {
  @ApiProperty({ example: '2027-Q1' }) period!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({ example: '05554024', description: 'The reporting municipality (AGS)' }) reporter!: string;
  @ApiProperty({ example: 'Heek' }) reporterName!: string;
  @ApiProperty({ example: -4.5 }) value!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'Token subject of the submitting coordinator' }) submittedBy!: string;
  @ApiProperty({ description: 'Submitted after the due date' }) late!: boolean;
  @ApiProperty({ description: 'Corrected after submission (CORRECT_REPORT)' }) corrected!: boolean;
  @ApiProperty({ description: 'Acknowledged by every other participating municipality' }) acknowledged!: boolean;
  @ApiProperty({ type: [String] }) acknowledgedBy!: string[];
}

export class SuccessSeriesDto {
  @ApiProperty({ example: 'Kosten je km unterhaltener Gemeindestraße' }) indicator!: string;
  @ApiProperty({ example: '% gegenüber 2025' }) unit!: string;
  @ApiProperty({ example: -10, description: 'Target of the letter of intent' }) target!: number;
  @ApiProperty({ type: Number, nullable: true }) baseline!: number | null;
  @ApiProperty({ type: [SuccessPointDto], description: 'Oldest period first' }) points!: SuccessPointDto[];
}

export class SuccessDto {
  @ApiProperty({ format: 'uuid' }) cooperationId!: string;
  @ApiProperty() state!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [SuccessSeriesDto], description: 'One series per success criterion of the adopted LoI' })
  series!: SuccessSeriesDto[];
}
