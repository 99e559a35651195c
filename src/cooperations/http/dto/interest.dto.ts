import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

class InterestedMunicipalityDto {
  @ApiProperty({ example: '05554036' }) ags!: string;
  @ApiProperty({ example: 'Legden' }) name!: string;
  @ApiProperty({ example: 'Gemeinde' }) kind!: string;
  @ApiProperty({ example: 'Kreis Borken' }) district!: string;
  @ApiProperty({ example: 'Münster' }) region!: string;
}

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
  @ApiProperty({ type: InterestedMunicipalityDto }) municipality!: InterestedMunicipalityDto;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Token subject of the sender' }) by!: string;
}
