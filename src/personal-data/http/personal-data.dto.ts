import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { PersonalDataView } from '../application/personal-data-view';

export class ErasePersonalDataDto {
  @ApiProperty({ maxLength: 2000, example: 'Antrag auf Löschung nach Art. 17 DSGVO vom 02.03.2027' })
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'validation.notBlank' })
  reason!: string;
}

export class ErasureDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: '{sub, role} of the admin who erased' }) by!: { sub: string; role: string };
  @ApiProperty() reason!: string;
}

/** A record of personal data kept outside the hash chain; `fields` is `{erased: true}` once erased. */
export class PersonalDataDto implements PersonalDataView {
  @ApiProperty({ format: 'uuid', description: 'The `personRef` of history entries' }) id!: string;
  @ApiProperty({ enum: ['contact', 'notification-address'] }) subjectKind!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "null for a municipality's notification address",
  })
  cooperationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({
    description: '{name, email?} (a contact), {email, role, name?} (a notification address), or {erased: true}',
  })
  fields!: { name: string; email?: string } | { erased: true };
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: ErasureDto, nullable: true }) erasure!: ErasureDto | null;
}
