import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { Clock, SystemClock } from './clock';
import { CooperationsController } from './cooperations.controller';
import { CooperationsService } from './cooperations.service';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';
import { LifecycleController } from './lifecycle.controller';
import { CooperationRecord } from './persistence/cooperation.entity';
import { HistoryEntryRecord } from './persistence/history-entry.entity';
import { IdempotencyRecord } from './persistence/idempotency-key.entity';
import { TimerScheduler } from './timer-scheduler';

@Module({
  imports: [TypeOrmModule.forFeature([CooperationRecord, HistoryEntryRecord, IdempotencyRecord]), MunicipalitiesModule],
  controllers: [LifecycleController, CooperationsController, EscalationsController],
  providers: [CooperationsService, EscalationsService, TimerScheduler, { provide: Clock, useClass: SystemClock }],
  exports: [CooperationsService, TimerScheduler, Clock],
})
export class CooperationsModule {}
