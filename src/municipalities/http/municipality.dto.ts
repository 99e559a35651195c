import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AGS_PATTERN } from '../../common/domain/identifiers';
import { PageQuery } from '../../common/pagination';
import { MUNICIPALITY_KINDS, type MunicipalityKind, type PublicBody } from '../domain/public-body';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class MunicipalityDto implements PublicBody {
  @ApiProperty({ example: '05315000', description: 'Amtlicher Gemeindeschlüssel (8 digits)' })
  ags!: string;

  @ApiProperty({ example: 'Köln' })
  name!: string;

  @ApiProperty({ enum: MUNICIPALITY_KINDS, example: 'kreisfreie Stadt' })
  kind!: MunicipalityKind;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Köln',
    description: 'Kreis, or the city itself when kreisfrei',
  })
  district!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Köln', description: 'Regierungsbezirk' })
  region!: string | null;

  @ApiProperty({ example: 'Nordrhein-Westfalen' })
  land!: string;
}

export class MunicipalityPage {
  @ApiProperty({ type: [MunicipalityDto] })
  items!: MunicipalityDto[];

  @ApiProperty({ type: String, nullable: true })
  next!: string | null;
}

export class MunicipalityQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Name prefix; case- and umlaut-insensitive (koeln, Köln, KÖLN, koln)',
    example: 'koeln',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'Kreis Borken' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ example: 'Münster', description: 'Regierungsbezirk' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: MUNICIPALITY_KINDS })
  @IsOptional()
  @IsIn(MUNICIPALITY_KINDS)
  kind?: MunicipalityKind;
}

/** An admin registers a public body that is not in the NRW registry (e.g. a Landschaftsverband). */
export class CreateMunicipalityDto {
  @ApiProperty({ example: '03454020', description: 'Key of 8 digits (the AGS for municipalities of other Länder)' })
  @Matches(AGS_PATTERN, { message: 'validation.ags' })
  ags!: string;

  @ApiProperty({ example: 'Landschaftsverband Westfalen-Lippe' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: MUNICIPALITY_KINDS })
  @IsIn(MUNICIPALITY_KINDS)
  kind!: MunicipalityKind;

  @ApiPropertyOptional({ example: 'Kreis Steinfurt' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ example: 'Münster' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ example: 'Niedersachsen', default: 'Nordrhein-Westfalen' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  land?: string;
}
