import { Module } from '@nestjs/common';
import { HistoryModule } from '../history';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { CheckpointsService } from './checkpoints.service';

/** The auditors' bounded context: reads the history tables, writes only its own checkpoints. */
@Module({
  imports: [HistoryModule],
  controllers: [AuditController],
  providers: [AuditService, CheckpointsService],
})
export class AuditModule {}
