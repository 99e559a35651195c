import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CooperationsModule } from '../cooperations';
import { HistoryModule } from '../history';
import { StatusReportQuery } from './application/status-report.query';
import { StatusReportController } from './http/status-report.controller';

/**
 * The status report for the council (Sachstandsbericht): a cooperation as the reader sees it, its
 * history and its latest signed checkpoint, printed as PDF.
 */
@Module({
  imports: [CooperationsModule, HistoryModule, AuditModule],
  controllers: [StatusReportController],
  providers: [StatusReportQuery],
})
export class StatusReportModule {}
