import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import type { Environment } from '../config/configuration';
import { CooperationsModule } from '../cooperations/cooperations.module';
import { ReadDocumentsQuery } from './application/read-documents.query';
import { AbandonedChunkSweep } from './application/abandoned-chunk-sweep';
import { UploadDocumentUseCase } from './application/upload-document.use-case';
import { DocumentStoreModule } from './document-store.module';
import { DocumentsController } from './http/documents.controller';
import { SpoolingStorage } from './http/spooling-storage';
import { VisibleBeforeBody } from './http/visible-before-body.interceptor';

/** Evidence documents of cooperations: upload, list, download. */
@Module({
  imports: [
    CooperationsModule,
    DocumentStoreModule,
    // Evidence uploads: streamed to a temporary file (not memory), one file, a few short text fields.
    MulterModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        storage: new SpoolingStorage(),
        limits: {
          fileSize: config.get('DOCUMENT_MAX_BYTES', { infer: true }),
          files: 1,
          fields: 4,
          fieldSize: 10_000,
          parts: 6,
        },
      }),
    }),
  ],
  controllers: [DocumentsController],
  providers: [UploadDocumentUseCase, ReadDocumentsQuery, VisibleBeforeBody, AbandonedChunkSweep],
})
export class DocumentsModule {}
