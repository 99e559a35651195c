import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalize, sha256hex } from '../../history';
import { SYSTEM_ACTOR, uuidV5 } from '../domain';
import { CooperationRepository } from '../infrastructure/cooperation.repository';
import { TimerRepository, timerInstance } from '../infrastructure/timer.repository';
import { SYSTEM_PRINCIPAL } from './actor';
import { type CommandMeta, CommandRunner } from './command-runner';
import { DecisionRecorder } from './decision-recorder';
import { decideOn } from './load-state';

/** UUID v5 namespace of the timers' idempotency keys. */
const TIMER_NAMESPACE = '6d3f0c1e-5b7a-4f21-9a8e-2c4b7d9e1f30';

/** What happened to a claimed timer. */
export interface TimerFiring {
  cooperationId: string;
  key: string;
  dueAt: string;
  /**
   * fired: applied; noop: accepted, the state no longer expected it (history entry written);
   * duplicate: this instance already fired (nothing written); moot: the cooperation has left
   * `active` (deleted, nothing written); busy: the cooperation was locked, left for the next look;
   * rejected: kept (e.g. fired before its dueAt), logged.
   */
  outcome: 'fired' | 'noop' | 'duplicate' | 'moot' | 'busy' | 'rejected';
  sequence?: number;
  detail?: string;
}

/**
 * Fires the earliest due timer that is neither locked by another instance nor in `skip` (timer
 * instances as `timerInstance()` names them), in one short transaction: claim the row, lock its
 * cooperation without waiting (an HTTP command holding it may be about to write this very row:
 * leave it for the next look), decide the stored event as the system actor, record it like any
 * command, delete the row. Returns null when no unlocked timer is due.
 * See docs/operation-phase.md, "The scheduler contract".
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
    return this.dataSource.transaction(async (tx) => {
      const due = await this.timers.claimNextDue(tx, now, skip);
      if (!due) return null;
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
        return { ...timer, outcome: 'rejected', detail: `${decision.kind}: ${JSON.stringify(decision.errors ?? [])}` };
      }
      await this.timers.delete(tx, timer);
      const { type: _type, ...payload } = decision.event;
      const result = await this.recorder.event(tx, current, decision, payload, SYSTEM_PRINCIPAL, meta, now);
      await this.runner.accepted(tx, SYSTEM_PRINCIPAL.sub, meta, {
        answer: result,
        cooperationId: timer.cooperationId,
        version: result.cooperation.version,
        created: false,
      });
      return { ...timer, outcome: decision.noop ? 'noop' : 'fired', sequence: result.entry.sequence };
    });
  }
}
