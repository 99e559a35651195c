import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalize, sha256hex } from '../../history';
import { SYSTEM_ACTOR, uuidV5 } from '../domain';
import { CooperationRepository } from '../infrastructure/cooperation.repository';
import { type DueTimer, TimerRepository, timerInstance } from '../infrastructure/timer.repository';
import { SYSTEM_PRINCIPAL } from './actor';
import { type CommandMeta, CommandRunner } from './command-runner';
import { DecisionRecorder } from './decision-recorder';
import { decideOn } from './load-state';

/**
 * UUID v5 namespace of the timers' idempotency keys. Their stored answers are the system actor's,
 * which no token may claim (`RESERVED_SUBS`): callers' keys live in their own `sub`'s key space.
 * A new namespace since the scheduler's identity is reserved, so that no answer a token stored as
 * `system` before can stand in a timer's way.
 */
const TIMER_NAMESPACE = 'c2a4e7b1-9d35-4f08-8b6e-71f0d3a95c42';

/** A failed timer is tried again after 1 minute, then 2, 4, … up to an hour between attempts. */
export const RETRY_FIRST_MS = 60_000;
export const RETRY_MAX_MS = 3_600_000;

/** When a timer that has failed `attempts` times before (0: never) may be tried after failing at `now`. */
export const retryAfter = (attempts: number, now: Date): Date =>
  new Date(now.getTime() + Math.min(RETRY_FIRST_MS * 2 ** Math.min(attempts, 20), RETRY_MAX_MS));

/** What happened to a claimed timer. */
export interface TimerFiring {
  cooperationId: string;
  key: string;
  dueAt: string;
  /**
   * fired: applied; noop: accepted, the state no longer expected it (history entry written);
   * duplicate: this instance already fired (nothing written); moot: the cooperation has left
   * `active` (deleted, nothing written); busy: the cooperation was locked, left for the next look;
   * rejected: its event was refused (e.g. fired before its dueAt); failed: firing it threw (e.g. a
   * corrupt snapshot). Rejected and failed timers are kept, their failure recorded on the row and
   * backed off until `retryAt`.
   */
  outcome: 'fired' | 'noop' | 'duplicate' | 'moot' | 'busy' | 'rejected' | 'failed';
  sequence?: number;
  detail?: string;
  /** Rejected or failed: the failures so far, and when the timer is tried again. */
  attempts?: number;
  retryAt?: string;
}

/**
 * Fires the earliest due timer that is neither backed off, nor locked by another instance, nor in
 * `skip` (timer instances as `timerInstance()` names them), in one short transaction: claim the
 * row, lock its cooperation without waiting (an HTTP command holding it may be about to write this
 * very row: leave it for the next look), decide the stored event as the system actor, record it
 * like any command, delete the row. Returns null when no such timer is due. A firing that throws
 * rolls back and is recorded on the row in a transaction of its own, so that one timer can never
 * stop the others. See docs/operation-phase.md, "The scheduler contract".
 */
@Injectable()
export class FireDueTimerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: CommandRunner,
    private readonly cooperations: CooperationRepository,
    private readonly timers: TimerRepository,
    private readonly recorder: DecisionRecorder,
  ) {}

  async execute(now: Date, skip: ReadonlySet<string>): Promise<TimerFiring | null> {
    let claimed: DueTimer | undefined;
    try {
      return await this.dataSource.transaction(async (tx) => {
        claimed = (await this.timers.claimNextDue(tx, now, skip)) ?? undefined;
        return claimed ? await this.fire(tx, claimed, now) : null;
      });
    } catch (error) {
      // Nothing claimed: the database itself failed; the scheduler's next look tries again.
      if (!claimed) throw error;
      const due = claimed;
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return this.dataSource.transaction((tx) => this.failed(tx, due, 'failed', detail, now));
    }
  }

  private async fire(tx: EntityManager, due: DueTimer, now: Date): Promise<TimerFiring> {
    const timer = { cooperationId: due.cooperationId, key: due.key, dueAt: due.dueAt };
    if (!(await this.cooperations.tryLock(tx, timer.cooperationId))) return { ...timer, outcome: 'busy' };
    // The idempotency key names the timer instance: a second firing of it finds the first answer.
    const meta: CommandMeta = {
      requestId: null,
      idempotencyKey: uuidV5(TIMER_NAMESPACE, timerInstance(timer)),
      fingerprint: sha256hex(`TIMER ${timerInstance(timer)}\n${canonicalize(due.event)}`),
    };
    if (await this.runner.replayed(tx, SYSTEM_PRINCIPAL.sub, meta)) {
      await this.timers.delete(tx, timer);
      return { ...timer, outcome: 'duplicate' };
    }
    const current = (await this.cooperations.find(timer.cooperationId, tx))!;
    const decision = decideOn(current.state, due.event, SYSTEM_ACTOR, now);
    if (!decision.ok) {
      if (decision.kind === 'event-not-allowed') {
        await this.timers.delete(tx, timer);
        return { ...timer, outcome: 'moot' };
      }
      return this.failed(tx, due, 'rejected', `${decision.kind}: ${JSON.stringify(decision.errors ?? [])}`, now);
    }
    await this.timers.delete(tx, timer);
    const { type: _type, ...payload } = decision.event;
    const result = await this.recorder.event(tx, current, decision, payload, SYSTEM_PRINCIPAL, meta, now);
    return { ...timer, outcome: decision.noop ? 'noop' : 'fired', sequence: result.entry.sequence };
  }

  /** Records the failure on the timer's row and backs it off: the row stays, the others fire. */
  private async failed(
    tx: EntityManager,
    due: DueTimer,
    outcome: 'rejected' | 'failed',
    detail: string,
    now: Date,
  ): Promise<TimerFiring> {
    const retryAt = retryAfter(due.attempts, now);
    await this.timers.recordFailure(tx, due, detail, retryAt);
    return {
      cooperationId: due.cooperationId,
      key: due.key,
      dueAt: due.dueAt,
      outcome,
      detail,
      attempts: due.attempts + 1,
      retryAt: retryAt.toISOString(),
    };
  }
}
