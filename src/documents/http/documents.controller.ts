import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { Roles } from '../../auth/access-policy.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { type Principal, ROLES } from '../../auth/principal';
import { unstorableText } from '../../common/domain/identifiers';
import { text } from '../../common/i18n';
import { validationProblem } from '../../common/problem';
import { ParseUuidPipe } from '../../common/uuid.pipe';
import { ReadDocumentsQuery } from '../application/read-documents.query';
import { UploadDocumentUseCase } from '../application/upload-document.use-case';
import { DOCUMENT_KINDS } from '../domain/document';
import { discard, type SpooledContent } from '../infrastructure/upload-spool';
import { DocumentDto, DocumentListDto, UploadDocumentFields } from './document.dto';
import { VisibleBeforeBody } from './visible-before-body.interceptor';

/** The part of multer's file object the upload uses (spooled by `SpoolingStorage`). */
type MulterFile = SpooledContent & { originalname?: string };

@ApiTags('documents')
@Controller('cooperations/:id/documents')
export class DocumentsController {
  constructor(
    private readonly uploadDocument: UploadDocumentUseCase,
    private readonly documents: ReadDocumentsQuery,
  ) {}

  @Post()
  @Roles('coordinator')
  // Visibility first: a caller who may not upload is answered before the body is read.
  @UseInterceptors(VisibleBeforeBody, FileInterceptor('file'))
  @ApiOperation({
    summary: 'Upload an evidence document (PDF, ODT, DOCX, PNG, JPEG) to a cooperation the caller takes part in',
    description:
      'multipart/form-data with one part `file` and optional `kind` and `description`. The media type is sniffed ' +
      'from the content; the Content-Type and file name the client sends are not trusted. Events reference the ' +
      "returned id in `documents`; their history entry then carries the document's SHA-256.",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
        description: { type: 'string', maxLength: 2000 },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentDto, description: 'With Location' })
  @ApiNotFoundResponse({ description: 'Unknown cooperation, or not visible to the caller' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than DOCUMENT_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not multipart, or the content is none of the accepted formats' })
  async upload(
    @Param('id', ParseUuidPipe) id: string,
    @UploadedFile() file: MulterFile | undefined,
    @Body() fields: UploadDocumentFields,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DocumentDto> {
    // The file name is text the client sent beside the content, refused like any text field.
    const unstorable = file?.originalname === undefined ? null : unstorableText(file.originalname);
    if (unstorable) {
      if (file) await discard(file.path);
      throw validationProblem([{ path: 'file', message: text(`validation.${unstorable}`, { field: 'file' }) }]);
    }
    try {
      const document = await this.uploadDocument.execute(
        id,
        file && { originalName: file.originalname, content: file },
        fields,
        principal,
      );
      response.status(201).setHeader('Location', `${request.baseUrl}${request.path.replace(/\/$/, '')}/${document.id}`);
      return document;
    } finally {
      if (file) await discard(file.path);
    }
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: "The cooperation's documents (metadata), in upload order" })
  @ApiOkResponse({ type: DocumentListDto })
  @ApiNotFoundResponse({ description: 'Unknown cooperation, or not visible to the caller' })
  async list(
    @Param('id', ParseUuidPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DocumentListDto> {
    return { items: await this.documents.list(id, principal) };
  }

  @Get(':docId')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Download a document: its content with the sniffed media type and its SHA-256 as Repr-Digest',
  })
  @ApiOkResponse({ description: 'The content', content: { 'application/octet-stream': {} } })
  @ApiNotFoundResponse({ description: 'Unknown cooperation or document, or not visible to the caller' })
  async download(
    @Param('id', ParseUuidPipe) id: string,
    @Param('docId', ParseUuidPipe) docId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.download(id, docId, principal);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`);
    response.setHeader('X-Content-SHA256', document.sha256);
    return new StreamableFile(Readable.from(content), {
      type: document.mediaType,
      length: document.sizeBytes,
      disposition: `attachment; filename="${document.id}${EXTENSIONS[document.mediaType] ?? ''}"`,
    });
  }
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};
