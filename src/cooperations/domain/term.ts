import { endOfDayInGermany } from './calendar';
import { type CooperationContext, currentContract, type ScheduledTimer } from './cooperation';
import { TERM_END_KEY } from './timers';

/*
 * A fixed term (term.end of the contract in force) ends the cooperation when it runs out: the
 * timer `term-end` fires at 00:00 (Germany) the day after the last day. An amendment that extends
 * the term (a later term.end, or none) moves or cancels the timer before it fires.
 */

export function termEndTimers(ctx: CooperationContext): ScheduledTimer[] {
  const end = currentContract(ctx)?.term.end;
  if (!end) return [];
  const dueAt = endOfDayInGermany(end).toISOString();
  return [{ key: TERM_END_KEY, dueAt, event: { type: 'TERM_ENDED', dueAt } }];
}
