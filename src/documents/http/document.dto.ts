import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DOCUMENT_KINDS, type DocumentKind, type EvidenceDocument } from '../domain/document';
import { DOCUMENT_MEDIA_TYPES } from '../domain/sniff';

/** The text fields of the multipart upload beside the `file` part. */
export class UploadDocumentFields {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, default: 'other' })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Auszug aus der Niederschrift der Ratssitzung vom 12.03.2026' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class DocumentUploaderDto {
  @ApiProperty() sub!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
}

/** A stored document's metadata; the content is `GET …/documents/{docId}`. */
export class DocumentDto implements EvidenceDocument {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cooperationId!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'As sent by the client; not trusted' })
  fileName!: string | null;
  @ApiProperty({ enum: Object.values(DOCUMENT_MEDIA_TYPES), description: 'Sniffed from the content' })
  mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty({ type: DocumentUploaderDto }) uploadedBy!: DocumentUploaderDto;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class DocumentListDto {
  @ApiProperty({ type: [DocumentDto] }) items!: DocumentDto[];
}
