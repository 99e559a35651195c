import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { findCase, queueEntryOf, type StoredQueueEntry } from '../domain';
import { CooperationRepository } from '../infrastructure/cooperation.repository';
import { EscalationCaseRepository } from '../infrastructure/escalation-case.repository';
import { loadState } from './load-state';

const BATCH = 500;

/**
 * Gives the escalation cases stored before their rows carried queue entries (migration
 * 1764870000001) their entries, from their snapshots, once at start-up: the domain computes an
 * entry, SQL cannot. Until then, and for rows an older server still writes without one, the
 * queue reads those snapshots itself. Idempotent; several servers may run it at once.
 */
@Injectable()
export class CaseEntriesBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('EscalationCases');

  constructor(
    private readonly cases: EscalationCaseRepository,
    private readonly cooperations: CooperationRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const filled = await this.run();
    if (filled > 0) this.logger.log(`wrote the queue entries of ${filled} escalation case(s) stored without one`);
  }

  /** Fills every missing entry; returns how many were filled. */
  async run(): Promise<number> {
    let filled = 0;
    for (;;) {
      const rows = await this.cases.withoutEntry(BATCH);
      if (rows.length === 0) return filled;
      const states = await this.cooperations.states([...new Set(rows.map((r) => r.cooperationId))]);
      const entries: Array<{ caseId: string; entry: StoredQueueEntry }> = [];
      for (const { caseId, cooperationId } of rows) {
        const stored = states.get(cooperationId);
        const ctx = stored && loadState(stored).context;
        const c = ctx && findCase(ctx, caseId);
        if (ctx && c) entries.push({ caseId, entry: queueEntryOf(ctx, c) });
      }
      const now = await this.cases.fillEntries(entries);
      filled += now;
      // A batch that fills nothing (cases its snapshot lacks) would come back forever.
      if (rows.length < BATCH || now === 0) return filled;
    }
  }
}
