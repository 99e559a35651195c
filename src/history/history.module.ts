import { Module } from '@nestjs/common';
import { HistoryRepository } from './infrastructure/history.repository';

/** The hash-chained history of every cooperation: the one reader and writer of its table. */
@Module({
  providers: [HistoryRepository],
  exports: [HistoryRepository],
})
export class HistoryModule {}
