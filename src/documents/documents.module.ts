import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import type { Environment } from '../config/configuration';
import { CooperationsModule } from '../cooperations/cooperations.module';
import { ReadDocumentsQuery } from './application/read-documents.query';
import { UploadDocumentUseCase } from './application/upload-document.use-case';
import { DocumentStoreModule } from './document-store.module';
import { DocumentsController } from './http/documents.controller';

/** Evidence documents of cooperations: upload, list, download. */
@Module({
  imports: [
    CooperationsModule,
    DocumentStoreModule,
    // Evidence uploads: in memory (they go to PostgreSQL), one file, a few short text fields.
    MulterModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
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
  providers: [UploadDocumentUseCase, ReadDocumentsQuery],
})
export class DocumentsModule {}
