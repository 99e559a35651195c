import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../auth/principal';
import { AGS_PATTERN } from '../../common/domain/identifiers';

export class DevTokenRequestDto {
  @ApiProperty({ enum: ROLES, description: 'Rolle / Role' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    description: 'AGS der Kommune (für coordinator und steering-board) / AGS of the municipality',
    example: '05554024',
  })
  @IsOptional()
  @Matches(AGS_PATTERN)
  municipality?: string;

  @ApiPropertyOptional({ description: 'Token-Subjekt / Token subject; default `<role>-<AGS>`', example: 'coord-heek' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  sub?: string;

  @ApiPropertyOptional({ description: 'Gültigkeit in Sekunden / Lifetime in seconds (default 8 h)', example: 28800 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  expiresInSeconds?: number;
}

export class DevTokenDto {
  @ApiProperty() token!: string;
  @ApiProperty() sub!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, nullable: true, example: '05554024' }) municipality!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Heek' }) municipalityName!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
