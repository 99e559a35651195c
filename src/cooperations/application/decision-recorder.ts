import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { type HistoryEntry, type HistoryEntryContent, HistoryRepository } from '../../history';
import { OutboxWriter } from '../../notifications';
import { RegisterProjection } from '../../register';
import { type Accepted, OPEN_COOPERATION, type Opened } from '../domain';
import { CooperationRepository, type StoredCooperation } from '../infrastructure/cooperation.repository';
import { TimerRepository } from '../infrastructure/timer.repository';
import { historyActor } from './actor';
import type { CommandMeta } from './command-runner';
import { type CooperationView, type EventResult, viewOf } from './cooperation-view';

type Transition = Pick<HistoryEntryContent, 'eventType' | 'payload' | 'stateBefore' | 'stateAfter' | 'obligations'>;

/**
 * Writes what the domain accepted, in the command's transaction: the history entry, the snapshot,
 * the timer rows and the notifications of the entry (outbox) — all or nothing.
 */
@Injectable()
export class DecisionRecorder {
  constructor(
    private readonly cooperations: CooperationRepository,
    private readonly history: HistoryRepository,
    private readonly timers: TimerRepository,
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
    const stored = await this.cooperations.insert(tx, opened.input.id, opened.state, at);
    const entry = await this.append(tx, stored.id, principal, meta, at, {
      eventType: OPEN_COOPERATION,
      payload: opened.input,
      stateBefore: null,
      stateAfter: opened.stateAfter,
      obligations: [],
    });
    await this.outbox.recorded(tx, entry, opened.state.context);
    return { view: viewOf(stored, opened.state), stored };
  }

  /** An accepted event; `payload` is the event as the chain records it (without `type`). */
  async event(
    tx: EntityManager,
    current: StoredCooperation,
    decision: Accepted,
    payload: object,
    principal: Principal,
    meta: CommandMeta,
    at: Date,
  ): Promise<EventResult> {
    const entry = await this.append(tx, current.id, principal, meta, at, {
      eventType: decision.event.type,
      payload,
      stateBefore: decision.stateBefore,
      stateAfter: decision.stateAfter,
      obligations: decision.obligations,
    });
    const stored = await this.cooperations.update(tx, current, decision.state, at);
    await this.timers.write(tx, current.id, decision.timers);
    await this.outbox.recorded(tx, entry, decision.state.context, { noop: decision.noop });
    await this.register.recorded(tx, current.state, decision.state, at);
    return { cooperation: viewOf(stored, decision.state), entry };
  }

  private append(
    tx: EntityManager,
    cooperationId: string,
    principal: Principal,
    meta: CommandMeta,
    at: Date,
    transition: Transition,
  ): Promise<HistoryEntry> {
    return this.history.append(tx, {
      cooperationId,
      ...transition,
      actor: historyActor(principal),
      recordedAt: at.toISOString(),
      requestId: meta.requestId,
      idempotencyKey: meta.idempotencyKey ?? null,
    });
  }
}
