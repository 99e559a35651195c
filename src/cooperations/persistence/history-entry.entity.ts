import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HistoryEntry } from '../domain';

/** One accepted event; append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity('cooperation_history')
export class HistoryEntryRecord {
  @PrimaryColumn({ type: 'uuid', name: 'cooperation_id' })
  cooperationId!: string;

  @PrimaryColumn({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text', name: 'event_type' })
  eventType!: string;

  /** Always an object: the event without `type` (or the opening input). */
  @Column({ type: 'jsonb' })
  payload!: object;

  @Column({ type: 'jsonb' })
  actor!: HistoryEntry['actor'];

  @Column({ type: 'text', name: 'state_before', nullable: true })
  stateBefore!: string | null;

  @Column({ type: 'text', name: 'state_after' })
  stateAfter!: string;

  @Column({ type: 'jsonb' })
  obligations!: object[];

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;

  @Column({ type: 'text', name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'char', length: 64, name: 'prev_hash' })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}

/** The stored row in the hash chain's terms (docs/hash-chain.md). */
export function toHistoryEntry(r: HistoryEntryRecord): HistoryEntry {
  return {
    cooperationId: r.cooperationId,
    sequence: r.sequence,
    eventType: r.eventType,
    payload: r.payload,
    actor: r.actor,
    stateBefore: r.stateBefore,
    stateAfter: r.stateAfter,
    obligations: r.obligations,
    recordedAt: r.recordedAt.toISOString(),
    requestId: r.requestId,
    idempotencyKey: r.idempotencyKey,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}
