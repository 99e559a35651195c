import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { dayBefore } from '../../common/clock';
import { LimitExceeded } from '../../common/errors';
import type { Environment } from '../../config/configuration';
import type { CooperationContext, CooperationState, PersistedState } from '../domain';
import { CooperationRepository } from '../infrastructure/cooperation.repository';

/**
 * The limits on what one caller can make a cooperation, or the store, grow by (docs/limits.md).
 * They are operating limits, not legal rules: the domain decides, then the state it would leave is
 * checked. Timers (the system actor) are never refused, so a due deadline always fires.
 */
@Injectable()
export class GrowthLimits {
  constructor(
    private readonly config: ConfigService<Environment, true>,
    private readonly cooperations: CooperationRepository,
  ) {}

  /**
   * Refuses an accepted event that adds a draft or an open case beyond the limit. Only growth is
   * refused: a cooperation above a lowered limit can still sign, decide and close.
   */
  checkGrowth(before: PersistedState, after: CooperationState): void {
    const was = measure(before.context as Partial<CooperationContext>);
    const is = measure(after.context);
    const drafts = this.config.get('MAX_DRAFTS_PER_COOPERATION', { infer: true });
    if (is.drafts > was.drafts && is.drafts > drafts) {
      throw new LimitExceeded('conflict', 'MAX_DRAFTS_PER_COOPERATION', drafts);
    }
    const cases = this.config.get('MAX_OPEN_CASES_PER_COOPERATION', { infer: true });
    if (is.openCases > was.openCases && is.openCases > cases) {
      throw new LimitExceeded('conflict', 'MAX_OPEN_CASES_PER_COOPERATION', cases);
    }
  }

  /** Refuses an opening beyond the caller's cooperations of the last 24 hours. */
  async checkOpening(tx: EntityManager, sub: string, now: Date): Promise<void> {
    const max = this.config.get('MAX_COOPERATIONS_PER_CALLER_PER_DAY', { infer: true });
    if ((await this.cooperations.countOpenedBy(tx, sub, dayBefore(now))) >= max) {
      throw new LimitExceeded('too-many', 'MAX_COOPERATIONS_PER_CALLER_PER_DAY', max);
    }
  }
}

/** Drafts are counted by their version numbers (superseded ones are in the history only). */
function measure(ctx: Partial<CooperationContext>): { drafts: number; openCases: number } {
  const last = (versions: Array<{ version: number }> | undefined) => versions?.[versions.length - 1]?.version ?? 0;
  return {
    drafts: Math.max(last(ctx.loi?.versions), last(ctx.contract?.versions)),
    openCases: ctx.escalation?.cases.filter((c) => c.status === 'open').length ?? 0,
  };
}
