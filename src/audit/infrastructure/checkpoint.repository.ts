import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Query, typeOrmQuery } from '../../history';
import type { CheckpointDocument, SignedMembers } from '../domain/checkpoint';

/** A stored checkpoint without its heads: what lists show. */
export type CheckpointSummary = Omit<SignedMembers, 'format'>;

interface CheckpointRow {
  id: string;
  created_at: Date;
  cooperations: number;
  entries: string | number;
  root_hash: string;
  key_id: string;
}

/** All SQL of `audit_checkpoints` (append-only: the database refuses UPDATE and DELETE). */
@Injectable()
export class CheckpointRepository {
  private readonly query: Query;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.query = typeOrmQuery(dataSource);
  }

  async insert(document: CheckpointDocument): Promise<void> {
    await this.query(
      `INSERT INTO audit_checkpoints (id, created_at, cooperations, entries, root_hash, key_id, signature, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        document.id,
        document.createdAt,
        document.cooperations,
        document.entries,
        document.rootHash,
        document.keyId,
        document.signature,
        JSON.stringify(document),
      ],
    );
  }

  /** The newest checkpoint whose heads include this cooperation, null when none does yet. */
  async latestWith(cooperationId: string): Promise<CheckpointDocument | null> {
    const rows = await this.query<{ document: CheckpointDocument }>(
      `SELECT document FROM audit_checkpoints WHERE document->'heads' @> $1::jsonb
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [JSON.stringify([{ cooperationId }])],
    );
    return rows[0]?.document ?? null;
  }

  /** Checkpoints in creation order after `after` (created at, id). */
  async list(after: { createdAt: string; id: string } | null, limit: number): Promise<CheckpointSummary[]> {
    const rows = await this.query<CheckpointRow>(
      `SELECT id, created_at, cooperations, entries, root_hash, key_id FROM audit_checkpoints
        ${after ? 'WHERE (created_at, id) > ($1::timestamptz, $2::uuid)' : ''}
        ORDER BY created_at, id LIMIT ${Number(limit)}`,
      after ? [after.createdAt, after.id] : [],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      cooperations: r.cooperations,
      entries: Number(r.entries),
      rootHash: r.root_hash,
      keyId: r.key_id,
    }));
  }

  async find(id: string): Promise<CheckpointDocument | null> {
    const rows = await this.query<{ document: CheckpointDocument }>(
      `SELECT document FROM audit_checkpoints WHERE id = $1`,
      [id],
    );
    return rows[0]?.document ?? null;
  }
}
