import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AGS_PATTERN } from '../../common/domain/identifiers';
import { PageQuery } from '../../common/pagination';

/** Filters of the global feed; every one narrows it (AND). */
export class AuditTransitionsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Entries recorded at or after this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Entries recorded before this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({
    description: 'AGS: entries whose actor acted for it, or of cooperations it is a member of (lead, partner, invited)',
  })
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'validation.ags' })
  municipality?: string;

  @ApiPropertyOptional({ description: 'One cooperation (UUID)' })
  @IsOptional()
  @IsUUID()
  cooperation?: string;

  @ApiPropertyOptional({ description: 'Event type, e.g. SIGN_LOI' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'validation.eventTypeName' })
  type?: string;

  @ApiPropertyOptional({ description: "The actor's `sub`" })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  actor?: string;
}

export class CheckpointQuery extends PageQuery {}

export class BrokenChainDto {
  @ApiProperty() cooperationId!: string;
  @ApiProperty() entries!: number;
  @ApiProperty() firstBrokenSequence!: number;
  @ApiProperty() reason!: string;
}

export class AllChainsVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'Cooperations (chains) checked' }) chains!: number;
  @ApiProperty() entries!: number;
  @ApiProperty({ type: [BrokenChainDto] }) broken!: BrokenChainDto[];
}

export class CheckpointSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() cooperations!: number;
  @ApiProperty() entries!: number;
  @ApiProperty() rootHash!: string;
  @ApiProperty() keyId!: string;
}

export class CheckpointPage {
  @ApiProperty({ type: [CheckpointSummaryDto] }) items!: CheckpointSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

export class DivergenceDto {
  @ApiProperty() cooperationId!: string;
  @ApiProperty({ description: 'The first sequence number whose entry differs from the signed one' })
  sequence!: number;
  @ApiProperty() reason!: string;
}

export class CheckpointVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty() checkpoint!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why the checkpoint itself is not valid' })
  documentError!: string | null;
  @ApiProperty() cooperations!: number;
  @ApiProperty({ type: [DivergenceDto] }) divergences!: DivergenceDto[];
}

export class PublicKeyDto {
  @ApiProperty({ example: 'Ed25519' }) algorithm!: string;
  @ApiProperty({ description: 'SHA-256 of the DER SubjectPublicKeyInfo, hex' }) keyId!: string;
  @ApiProperty({ description: 'PEM (SPKI)' }) publicKey!: string;
}
