import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pendingTimers, TERM_END_TIMER_VERSION } from '../domain';
import { TimerRepository } from '../infrastructure/timer.repository';
import { loadState } from './load-state';

/**
 * Writes the timer rows an `active` cooperation's state expects when it has none — the snapshots
 * written under definition version 2, whose timers only exist after migration on load
 * (docs/operation-phase.md, "Definition version 3"). One short transaction per cooperation: lock
 * it without waiting (a command holding it writes the rows itself), check again, insert unless
 * present. Idempotent, and safe with several instances at once. Returns how many cooperations got rows.
 *
 * Snapshots written before TERM_END_TIMER_VERSION have timer rows but none for the term end the
 * migration adds: for those the rows the migrated state expects are written where missing (a
 * timer that fired changed the snapshot, which is then stored in the current version).
 */
@Injectable()
export class ReconcileTimersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimerRepository,
  ) {}

  async execute(): Promise<number> {
    let reconciled = 0;
    for (const id of await this.timers.activeWithoutTimers()) {
      const wrote = await this.dataSource.transaction(async (tx) => {
        const persisted = await this.timers.lockActiveWithoutTimers(tx, id);
        if (!persisted) return false;
        const timers = pendingTimers(loadState(persisted).context);
        await this.timers.insertMissing(tx, id, timers);
        return timers.length > 0;
      });
      if (wrote) reconciled++;
    }
    for (const id of await this.timers.activeWrittenBefore(TERM_END_TIMER_VERSION)) {
      const wrote = await this.dataSource.transaction(async (tx) => {
        const persisted = await this.timers.lockActiveWrittenBefore(tx, id, TERM_END_TIMER_VERSION);
        if (!persisted) return 0;
        return this.timers.insertMissing(tx, id, pendingTimers(loadState(persisted).context));
      });
      if (wrote > 0) reconciled++;
    }
    return reconciled;
  }
}
