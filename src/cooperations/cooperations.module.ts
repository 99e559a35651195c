import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, SystemClock } from '../common/clock';
import { DocumentStoreModule } from '../documents';
import { HistoryModule } from '../history';
import { MunicipalitiesModule } from '../municipalities';
import { NotificationStoreModule } from '../notifications';
import { PersonalDataStoreModule } from '../personal-data';
import { RegisterStoreModule } from '../register';
import { CaseEntriesBackfill } from './application/case-entries-backfill';
import { CommandRunner } from './application/command-runner';
import { CooperationCopies } from './application/cooperation-copies';
import { DecisionRecorder } from './application/decision-recorder';
import { ExpressInterestUseCase } from './application/express-interest.use-case';
import { FireDueTimerUseCase } from './application/fire-due-timer.use-case';
import { GrowthLimits } from './application/growth-limits';
import { IdempotencyRetention } from './application/idempotency-retention';
import { CooperationReader } from './application/get-cooperation.query';
import { InboxQuery } from './application/inbox.query';
import { ListCooperationsQuery } from './application/list-cooperations.query';
import { ListReportsQuery } from './application/list-reports.query';
import { MunicipalityLookup } from './application/municipality-lookup';
import { NextEventsQuery } from './application/next-events.query';
import { OpenCooperationUseCase } from './application/open-cooperation.use-case';
import { ReadHistoryQuery } from './application/read-history.query';
import { ReconcileTimersUseCase } from './application/reconcile-timers.use-case';
import { SendEventUseCase } from './application/send-event.use-case';
import { SuccessQuery } from './application/success.query';
import { TimerScheduler } from './application/timer-scheduler';
import { VisibilityPolicy } from './application/visibility';
import { CooperationsController } from './http/cooperations.controller';
import { InboxController } from './http/inbox.controller';
import { LifecycleController } from './http/lifecycle.controller';
import { PartnerSearchController } from './http/partner-search.controller';
import { SuccessController } from './http/success.controller';
import { CooperationRecord } from './infrastructure/cooperation.entity';
import { CooperationRepository } from './infrastructure/cooperation.repository';
import { IdempotencyRecord } from './infrastructure/idempotency-key.entity';
import { EscalationCaseRepository } from './infrastructure/escalation-case.repository';
import { IdempotencyRepository } from './infrastructure/idempotency.repository';
import { TimerRepository } from './infrastructure/timer.repository';

/**
 * The lifecycle of cooperations: commands, queries and the durable timers. Other contexts use the
 * exports only: the visibility policy, the reader, and the copies personal-data erasure rewrites.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CooperationRecord, IdempotencyRecord]),
    HistoryModule,
    MunicipalitiesModule,
    DocumentStoreModule,
    PersonalDataStoreModule,
    NotificationStoreModule,
    RegisterStoreModule,
  ],
  controllers: [
    LifecycleController,
    CooperationsController,
    PartnerSearchController,
    SuccessController,
    InboxController,
  ],
  providers: [
    CooperationRepository,
    IdempotencyRepository,
    EscalationCaseRepository,
    CaseEntriesBackfill,
    TimerRepository,
    CommandRunner,
    DecisionRecorder,
    GrowthLimits,
    IdempotencyRetention,
    MunicipalityLookup,
    VisibilityPolicy,
    CooperationReader,
    CooperationCopies,
    OpenCooperationUseCase,
    SendEventUseCase,
    ExpressInterestUseCase,
    FireDueTimerUseCase,
    ReconcileTimersUseCase,
    ListCooperationsQuery,
    NextEventsQuery,
    InboxQuery,
    ListReportsQuery,
    SuccessQuery,
    ReadHistoryQuery,
    TimerScheduler,
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [VisibilityPolicy, CooperationReader, CooperationCopies, TimerScheduler, Clock, SuccessQuery],
})
export class CooperationsModule {}
