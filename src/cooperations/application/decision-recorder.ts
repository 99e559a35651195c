import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import {
  type ChainHead,
  GENESIS_HASH,
  type HistoryEntry,
  type HistoryEntryContent,
  HistoryRepository,
  insertEntrySql,
  nextEntry,
} from '../../history';
import { OutboxWriter } from '../../notifications';
import { RegisterProjection } from '../../register';
import { type Accepted, type CooperationState, OPEN_COOPERATION, type Opened } from '../domain';
import {
  CooperationRepository,
  nextRow,
  type StoredCooperation,
  type WriteFragment,
} from '../infrastructure/cooperation.repository';
import { changedCases, EscalationCaseRepository } from '../infrastructure/escalation-case.repository';
import { insertAnswerSql } from '../infrastructure/idempotency.repository';
import { TimerRepository } from '../infrastructure/timer.repository';
import { historyActor } from './actor';
import type { CommandMeta } from './command-runner';
import { type CooperationView, type EventResult, viewOf } from './cooperation-view';

type Transition = Pick<HistoryEntryContent, 'eventType' | 'payload' | 'stateBefore' | 'stateAfter' | 'obligations'>;

/**
 * Writes what the domain accepted, in the command's transaction: the history entry, the snapshot,
 * the timer rows and the notifications of the entry (outbox) — all or nothing. An event's writes
 * are one statement (docs/performance.md, "four round trips"): entry, snapshot, chain head, changed
 * escalation cases and timers, the outbox row and the reminders' sync, the stored answer (with
 * `Idempotency-Key`) and what the caller adds (`also`), each table's SQL from its repository.
 */
@Injectable()
export class DecisionRecorder {
  constructor(
    private readonly cooperations: CooperationRepository,
    private readonly history: HistoryRepository,
    private readonly outbox: OutboxWriter,
    private readonly register: RegisterProjection,
  ) {}

  /** A new cooperation: its row and history entry 1 (OPEN_COOPERATION, no state before it). */
  async opening(
    tx: EntityManager,
    opened: Opened,
    principal: Principal,
    meta: CommandMeta,
    at: Date,
  ): Promise<{ view: CooperationView; stored: StoredCooperation }> {
    const entry = this.entryAfter({ sequence: 0, hash: GENESIS_HASH }, opened.input.id, principal, meta, at, {
      eventType: OPEN_COOPERATION,
      payload: opened.input,
      stateBefore: null,
      stateAfter: opened.stateAfter,
      obligations: [],
    });
    const stored = await this.cooperations.insert(tx, opened.input.id, opened.state, at, entry.hash);
    await this.history.write(tx, entry);
    await this.outbox.recorded(tx, entry, opened.state.context);
    return { view: viewOf(stored, opened.state), stored };
  }

  /**
   * An accepted event; `payload` is the event as the chain records it (without `type`), `outcome`
   * what the answer adds to the snapshot (a raised case, warnings). With an `Idempotency-Key` the
   * answer is stored too — the `EventResult`, or what `answer` makes of it for a command that
   * answers something else — and the caller finishes with `CommandRunner.recorded`.
   */
  async event(
    tx: EntityManager,
    current: StoredCooperation,
    decision: Accepted,
    payload: object,
    principal: Principal,
    meta: CommandMeta,
    at: Date,
    {
      outcome = {},
      answer = (r) => r,
      also = [],
    }: {
      outcome?: Partial<EventResult>;
      answer?: (result: EventResult) => object;
      /** Further writes of the command (another context's rows), taken into the one statement. */
      also?: readonly WriteFragment[];
    } = {},
  ): Promise<EventResult> {
    // Rows restored from a backup older than `head_hash` have none until their first event.
    const head = current.headHash
      ? { sequence: current.version, hash: current.headHash }
      : await this.history.head(tx, current.id);
    const entry = this.entryAfter(head, current.id, principal, meta, at, {
      eventType: decision.event.type,
      payload,
      stateBefore: decision.stateBefore,
      stateAfter: decision.stateAfter,
      obligations: decision.obligations,
    });
    const stored = nextRow(current, decision.state, at, entry.hash);
    const result: EventResult = { cooperation: viewOf(stored, decision.state), entry, ...outcome };
    const writes: WriteFragment[] = [(bind) => insertEntrySql(entry, bind), ...also];
    // The queue's copy of the cases, written only when a case changed.
    const cases = changedCases(current.state, decision.state);
    if (cases.length > 0) writes.push((bind) => EscalationCaseRepository.upsertSql(current.id, cases, bind));
    writes.push(...TimerRepository.writeSql(current.id, decision.timers));
    // The reminders were last synced with the stored snapshot's context; one of an older definition
    // is not comparable, so they are synced afresh then.
    const before =
      current.state.definitionVersion === decision.state.definitionVersion
        ? (current.state.context as CooperationState['context'])
        : undefined;
    writes.push(...this.outbox.writes(entry, decision.state.context, { noop: decision.noop, before }));
    const key = meta.idempotencyKey;
    if (key) {
      const stored = { fingerprint: meta.fingerprint, created: false, body: answer(result) };
      writes.push((bind) => insertAnswerSql(principal.sub, key, stored, bind));
    }
    await this.cooperations.update(tx, current, stored, writes);
    await this.register.recorded(tx, current.state, decision.state, at);
    return result;
  }

  private entryAfter(
    head: ChainHead,
    cooperationId: string,
    principal: Principal,
    meta: CommandMeta,
    at: Date,
    transition: Transition,
  ): HistoryEntry {
    return nextEntry(head, {
      cooperationId,
      ...transition,
      actor: historyActor(principal),
      recordedAt: at.toISOString(),
      requestId: meta.requestId,
      idempotencyKey: meta.idempotencyKey ?? null,
    });
  }
}
