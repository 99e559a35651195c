import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Bind, runFragment } from '../../database/prepared';
import type { CloudEvent } from '../domain/cloud-event';
import type { Notice } from '../domain/notices';

export type OutboxKind = 'transition' | 'reminder';

/** One event to tell: written in the transaction of what it tells about. */
export interface OutboxEvent {
  id: string;
  cooperationId: string;
  kind: OutboxKind;
  event: CloudEvent;
  notices: Notice[];
  /** The cooperation's municipalities when it happened: whose webhook subscriptions get it. */
  members: string[];
  createdAt: Date;
}

interface OutboxRow {
  id: string;
  cooperation_id: string;
  kind: OutboxKind;
  event: CloudEvent;
  notices: Notice[];
  members: string[];
  created_at: Date;
}

const toEvent = (row: OutboxRow): OutboxEvent => ({
  id: row.id,
  cooperationId: row.cooperation_id,
  kind: row.kind,
  event: row.event,
  notices: row.notices,
  members: row.members,
  createdAt: new Date(row.created_at),
});

/** All SQL of `notification_outbox`. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent by id: a history entry or reminder is told once however often it is written. */
  async insert(tx: EntityManager, e: OutboxEvent): Promise<void> {
    await runFragment(tx, (bind) => OutboxRepository.insertSql(e, bind));
  }

  /** `insert` as a fragment of the command's write (`WriteFragment`). */
  static insertSql(e: OutboxEvent, bind: Bind): string {
    return `INSERT INTO notification_outbox (id, cooperation_id, kind, event, notices, members, created_at)
       VALUES (${bind(e.id)}::uuid, ${bind(e.cooperationId)}::uuid, ${bind(e.kind)}::text, ${bind(JSON.stringify(e.event))}::jsonb,
         ${bind(JSON.stringify(e.notices))}::jsonb, ${bind(e.members)}::text[], ${bind(e.createdAt)}::timestamptz)
       ON CONFLICT (id) DO NOTHING`;
  }

  /** Claims the oldest events not yet expanded into deliveries (`FOR UPDATE SKIP LOCKED`: one instance each). */
  async claimUnexpanded(tx: EntityManager, limit: number): Promise<OutboxEvent[]> {
    const rows = await tx.query<OutboxRow[]>(
      `SELECT id, cooperation_id, kind, event, notices, members, created_at FROM notification_outbox
        WHERE expanded_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toEvent);
  }

  async markExpanded(tx: EntityManager, ids: string[], at: Date): Promise<void> {
    await tx.query(`UPDATE notification_outbox SET expanded_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]);
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<OutboxEvent | null> {
    const [row] = await tx.query<OutboxRow[]>(
      `SELECT id, cooperation_id, kind, event, notices, members, created_at FROM notification_outbox WHERE id = $1`,
      [id],
    );
    return row ? toEvent(row) : null;
  }

  /** The age of the oldest event not yet expanded (outbox lag), null when none waits. */
  async oldestUnexpanded(): Promise<Date | null> {
    const [row] = await this.dataSource.query<Array<{ at: Date | null }>>(
      `SELECT min(created_at) AS at FROM notification_outbox WHERE expanded_at IS NULL`,
    );
    return row?.at ? new Date(row.at) : null;
  }
}
