import { Module } from '@nestjs/common';
import { CooperationsModule } from '../cooperations/cooperations.module';
import { EscalationQueueQuery } from './application/escalation-queue.query';
import { GetCaseQuery } from './application/get-case.query';
import { EscalationsController } from './http/escalations.controller';

/** The steering boards' view of escalation cases; deciding them is an event of the cooperation. */
@Module({
  imports: [CooperationsModule],
  controllers: [EscalationsController],
  providers: [EscalationQueueQuery, GetCaseQuery],
})
export class EscalationsModule {}
