import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { municipalityRef, type MunicipalityRef } from '../../domain';
import { dtoOf } from './schema-dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The registry's record of the interested municipality, as the events carry it. */
const MunicipalityRefDto = dtoOf(municipalityRef, 'MunicipalityRefDto');

export class ExpressInterestDto {
  @ApiProperty({
    maxLength: 5000,
    description: 'Nachricht an die federführende Kommune / message to the lead municipality',
    example: 'Wir betreiben einen Bauhof mit zwölf Beschäftigten und suchen ebenfalls Partner.',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  message!: string;
}

export class InterestDto {
  @ApiProperty({ format: 'uuid' }) searchId!: string;
  @ApiProperty({ type: MunicipalityRefDto }) municipality!: MunicipalityRef;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Token subject of the sender' }) by!: string;
}
