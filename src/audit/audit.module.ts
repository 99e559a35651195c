import { Module } from '@nestjs/common';
import { HistoryModule } from '../history';
import { AuditFeedQuery } from './application/audit-feed.query';
import { AuditKey } from './application/audit-key';
import { LatestCheckpointQuery } from './application/latest-checkpoint.query';
import { ReadCheckpointsQuery } from './application/read-checkpoints.query';
import { SignCheckpointUseCase } from './application/sign-checkpoint.use-case';
import { AuditController } from './http/audit.controller';
import { CheckpointRepository } from './infrastructure/checkpoint.repository';

/** The auditors' bounded context: reads the history, writes only its own checkpoints. */
@Module({
  imports: [HistoryModule],
  controllers: [AuditController],
  providers: [
    AuditKey,
    CheckpointRepository,
    AuditFeedQuery,
    SignCheckpointUseCase,
    ReadCheckpointsQuery,
    LatestCheckpointQuery,
  ],
  exports: [LatestCheckpointQuery],
})
export class AuditModule {}
