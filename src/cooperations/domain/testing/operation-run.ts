import type { Actor } from '../actor';
import type { ScheduledTimer } from '../cooperation';
import type { CooperationState } from '../cooperation-state';
import { type Accepted, type Decision, decide } from '../engine';
import { byDueAt, SYSTEM_ACTOR } from '../timers';

export interface RunEntry {
  at: string;
  actor: Actor;
  type: string;
  stateAfter: string;
  /** Set for timer firings. */
  timer?: string;
  noop?: true;
}

/**
 * A cooperation driven through decide() with a fake clock and an in-memory timer table that
 * behaves as the adapter's must: `schedule` upserts by key, `cancel` deletes by key, and a fired
 * timer's row is deleted whatever the answer. `advanceTo` fires every due timer in dueAt order
 * (including timers scheduled by earlier firings), each at its dueAt plus `lateByMs`.
 */
export class OperationRun {
  readonly table = new Map<string, ScheduledTimer>();
  readonly log: RunEntry[] = [];

  constructor(
    public state: CooperationState,
    public now: Date,
  ) {
    for (const t of Object.values(state.context.timers ?? {})) this.table.set(t.key, t);
  }

  /** Decides at `at` (default: the run's clock); applies an accepted decision. */
  decide(actor: Actor, event: unknown, at: Date = this.now): Decision {
    if (at < this.now) throw new Error(`time runs forwards: ${at.toISOString()} < ${this.now.toISOString()}`);
    this.advanceTo(at);
    const d = decide(this.state, event, actor, at);
    if (d.ok) this.commit(d, actor, at);
    return d;
  }

  /** Like decide(), but throws when the event is refused. */
  send(actor: Actor, event: unknown, at: Date = this.now): Accepted {
    const d = this.decide(actor, event, at);
    if (!d.ok) throw new Error(`${(event as { type?: string }).type} refused: ${JSON.stringify(d, null, 1)}`);
    return d;
  }

  /** Fires every timer due by `until`, oldest first, then sets the clock to `until`. */
  advanceTo(until: Date, { lateByMs = 0 }: { lateByMs?: number } = {}): Accepted[] {
    const fired: Accepted[] = [];
    for (;;) {
      const next = [...this.table.values()].sort(byDueAt)[0];
      if (!next || Date.parse(next.dueAt) > until.getTime()) break;
      const at = new Date(Math.max(Date.parse(next.dueAt) + lateByMs, this.now.getTime()));
      const d = this.fire(next, at);
      if (d.ok) fired.push(d);
    }
    if (until > this.now) this.now = until;
    return fired;
  }

  /** Sends a timer's event as the scheduler does (also for replaying a stale row). */
  fire(timer: ScheduledTimer, at: Date): Decision {
    this.table.delete(timer.key);
    const d = decide(this.state, timer.event, SYSTEM_ACTOR, at);
    if (d.ok) this.commit(d, SYSTEM_ACTOR, at, timer.key);
    else this.log.push({ at: at.toISOString(), actor: SYSTEM_ACTOR, type: timer.event.type, stateAfter: 'refused' });
    if (at > this.now) this.now = at;
    return d;
  }

  /** The timer firings logged so far (key and instant). */
  firings(): Array<{ key: string; at: string; noop?: true }> {
    return this.log
      .filter((e) => e.timer)
      .map((e) => ({ key: e.timer!, at: e.at, ...(e.noop ? { noop: e.noop } : {}) }));
  }

  private commit(d: Accepted, actor: Actor, at: Date, timer?: string) {
    for (const key of d.timers.cancel) this.table.delete(key);
    for (const t of d.timers.schedule) this.table.set(t.key, t);
    this.state = d.state;
    this.log.push({
      at: at.toISOString(),
      actor,
      type: d.event.type,
      stateAfter: d.stateAfter,
      ...(timer ? { timer } : {}),
      ...(d.noop ? { noop: d.noop } : {}),
    });
  }
}
