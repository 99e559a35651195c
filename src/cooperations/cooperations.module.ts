import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Environment } from '../config/configuration';
import { HistoryModule } from '../history';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { Clock, SystemClock } from './clock';
import { CooperationsController } from './cooperations.controller';
import { CooperationsService } from './cooperations.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { PersonalDataService } from './personal-data/personal-data.service';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';
import { LifecycleController } from './lifecycle.controller';
import { CooperationRecord } from './persistence/cooperation.entity';
import { IdempotencyRecord } from './persistence/idempotency-key.entity';
import { TimerScheduler } from './timer-scheduler';

@Module({
  imports: [
    TypeOrmModule.forFeature([CooperationRecord, IdempotencyRecord]),
    HistoryModule,
    MunicipalitiesModule,
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
  controllers: [
    LifecycleController,
    CooperationsController,
    EscalationsController,
    DocumentsController,
    PersonalDataController,
  ],
  providers: [
    CooperationsService,
    EscalationsService,
    DocumentsService,
    PersonalDataService,
    TimerScheduler,
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [CooperationsService, TimerScheduler, Clock],
})
export class CooperationsModule {}
