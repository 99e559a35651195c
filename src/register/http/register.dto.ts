import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MaxLength } from 'class-validator';
import { REGIERUNGSBEZIRKE } from '../../cooperations';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Filters both the register and the partner searches take. */
export class PublicFilterQuery {
  @ApiPropertyOptional({ description: 'Arbeitsfeld (Teil des Namens) / field of work (part of it)', example: 'Bauhof' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  fieldOfWork?: string;

  @ApiPropertyOptional({
    description: 'Kreis, wie das Kommunalverzeichnis ihn nennt / district',
    example: 'Kreis Borken',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  district?: string;

  @ApiPropertyOptional({ enum: REGIERUNGSBEZIRKE, description: 'Regierungsbezirk' })
  @IsOptional()
  @IsIn(REGIERUNGSBEZIRKE)
  region?: string;

  @ApiPropertyOptional({ description: 'Freitext / free text', example: 'Winterdienst' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class PartnerSearchQuery extends PublicFilterQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

class PublicMemberDto {
  @ApiProperty({ example: '05554036' }) ags!: string;
  @ApiProperty({ example: 'Legden' }) name!: string;
  @ApiProperty({ example: 'Gemeinde' }) kind!: string;
  @ApiProperty({ example: 'Kreis Borken' }) district!: string;
  @ApiProperty({ example: 'Münster' }) region!: string;
  @ApiProperty({ enum: ['lead', 'partner'] }) role!: 'lead' | 'partner';
}

export class PartnerSearchDto {
  @ApiProperty({ format: 'uuid', description: 'The cooperation (and search) id' }) cooperationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() fieldOfWork!: string;
  @ApiProperty() motive!: string;
  @ApiProperty() lookingFor!: string;
  @ApiProperty({ type: [String] }) districts!: string[];
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty({ format: 'date' }) openUntil!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: PublicMemberDto }) lead!: PublicMemberDto;
  @ApiProperty({ enum: ['district', 'region', 'elsewhere'], description: "Nearness to the caller's municipality" })
  nearness!: 'district' | 'region' | 'elsewhere';
  @ApiProperty({ description: "The caller's own municipality leads it" }) own!: boolean;
}

export class PartnerSearchPage {
  @ApiProperty({ type: [PartnerSearchDto] }) items!: PartnerSearchDto[];
}

class PublicContactDto {
  @ApiProperty({ example: '05554036' }) municipality!: string;
  @ApiProperty({ example: 'Fachbereichsleiterin Bauen, Planen, Umwelt' }) position!: string;
  @ApiProperty({ example: 'Anna Brüning' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class RegisterEntryDto {
  @ApiProperty({ format: 'uuid' }) cooperationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() fieldOfWork!: string;
  @ApiProperty() motive!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [PublicMemberDto] }) members!: PublicMemberDto[];
  @ApiProperty({ type: String, nullable: true }) legalForm!: string | null;
  @ApiProperty({ example: 'active' }) phase!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) inForceSince!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedSince!: string;
  @ApiProperty({ type: [PublicContactDto], description: 'Only contacts who consented themselves' })
  contacts!: PublicContactDto[];
}

export class RegisterPage {
  @ApiProperty({ type: [RegisterEntryDto] }) items!: RegisterEntryDto[];
}
