import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike } from '../../common/like';
import { type CooperationState, type PersistedState, stateToString } from '../domain';
import { CooperationRecord } from './cooperation.entity';

/** A cooperation's row as the application sees it: the snapshot as written, before migration. */
export interface StoredCooperation {
  id: string;
  version: number;
  memberAgs: string[];
  state: PersistedState;
  createdAt: Date;
  updatedAt: Date;
}

/** Who may see which rows: everything, or the cooperations one municipality takes part in. */
export type VisibilityScope = { all: true } | { all: false; municipality: string | undefined };

export interface CooperationFilter {
  scope: VisibilityScope;
  municipality?: string;
  /** Dotted state; a sub-state matches itself and its descendants in any parallel region. */
  state?: string;
  q?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** Statuses that make a municipality part of a cooperation for visibility and `?municipality=`. */
const VISIBLE_STATUSES = new Set(['active', 'invited']);

/**
 * All SQL of the `cooperations` table. Methods that take `tx` run in the caller's transaction (the
 * command runner's); the others read on their own.
 */
@Injectable()
export class CooperationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, id: string, state: CooperationState, at: Date): Promise<StoredCooperation> {
    const record = tx.create(CooperationRecord, {
      id,
      ...snapshotColumns(state),
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    await tx.insert(CooperationRecord, record);
    return toStored(record);
  }

  /** The row, locked for the rest of the transaction: commands on one cooperation are serialized. */
  async lock(tx: EntityManager, id: string): Promise<StoredCooperation | null> {
    const record = await tx.findOne(CooperationRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return record ? toStored(record) : null;
  }

  /** Locks the row unless another transaction holds it; false when it is busy (or gone). */
  async tryLock(tx: EntityManager, id: string): Promise<boolean> {
    const rows = await tx.query<unknown[]>(`SELECT id FROM cooperations WHERE id = $1 FOR UPDATE SKIP LOCKED`, [id]);
    return rows.length > 0;
  }

  /** Writes the next snapshot of a row the transaction has locked; returns it as stored. */
  async update(
    tx: EntityManager,
    current: StoredCooperation,
    state: CooperationState,
    at: Date,
  ): Promise<StoredCooperation> {
    const version = current.version + 1;
    const { affected } = await tx.update(
      CooperationRecord,
      { id: current.id, version: current.version },
      { ...snapshotColumns(state), version, updatedAt: at },
    );
    // Cannot happen under the row lock; if it ever did, committing would fork the history.
    if (affected !== 1) throw new Error(`cooperation ${current.id} changed under its row lock`);
    return { ...current, version, memberAgs: memberAgsOf(state), state, updatedAt: at };
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<StoredCooperation | null> {
    const record = await tx.findOneBy(CooperationRecord, { id });
    return record ? toStored(record) : null;
  }

  /** How many cooperations `sub` opened since `since` (GrowthLimits). */
  async countOpenedBy(tx: EntityManager, sub: string, since: Date): Promise<number> {
    const [{ n }] = await tx.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM cooperations
        WHERE state #>> '{context,createdBy,sub}' = $1 AND created_at >= $2`,
      [sub, since],
    );
    return n;
  }

  /** Only the member list: visibility checks of frequent reads need nothing else. */
  async members(id: string): Promise<string[] | null> {
    const record = await this.dataSource
      .getRepository(CooperationRecord)
      .findOne({ select: { id: true, memberAgs: true }, where: { id } });
    return record ? record.memberAgs : null;
  }

  async list(filter: CooperationFilter): Promise<StoredCooperation[]> {
    const qb = this.dataSource.getRepository(CooperationRecord).createQueryBuilder('c');
    if (!filter.scope.all) {
      qb.andWhere('c.member_ags @> ARRAY[:own]::text[]', { own: filter.scope.municipality ?? '' });
    }
    if (filter.municipality) qb.andWhere('c.member_ags @> ARRAY[:member]::text[]', { member: filter.municipality });
    if (filter.state) {
      qb.andWhere('c.phase = :phase', { phase: filter.state.split('.')[0] });
      if (filter.state.includes('.')) {
        qb.andWhere('c.state_value ~ :pattern', { pattern: `(^|,)${filter.state.replace(/\./g, '\\.')}($|[.,])` });
      }
    }
    if (filter.q) {
      qb.andWhere(
        `(ikz_fold(c.title) LIKE '%' || ikz_fold(:q) || '%' OR ikz_fold_plain(c.title) LIKE '%' || ikz_fold_plain(:q) || '%')`,
        { q: escapeLike(filter.q) },
      );
    }
    if (filter.after) {
      qb.andWhere('(c.created_at, c.id) > (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', filter.after);
    }
    const rows = await qb.orderBy('c.createdAt', 'ASC').addOrderBy('c.id', 'ASC').limit(filter.limit).getMany();
    return rows.map(toStored);
  }

  /**
   * Cooperations with an escalation case of `status` in scope. Containment on the cases array is
   * served by the index cooperations_escalation_cases: only those rows are read, not every snapshot.
   */
  async withCases(status: string, scope: VisibilityScope, cooperationId?: string): Promise<StoredCooperation[]> {
    const qb = this.dataSource
      .getRepository(CooperationRecord)
      .createQueryBuilder('c')
      .where(`c.state #> '{context,escalation,cases}' @> CAST(:probe AS jsonb)`, {
        probe: JSON.stringify([{ status }]),
      });
    if (!scope.all) qb.andWhere('c.member_ags @> ARRAY[:own]::text[]', { own: scope.municipality ?? '' });
    if (cooperationId) qb.andWhere('c.id = :id', { id: cooperationId });
    return (await qb.getMany()).map(toStored);
  }

  /** The cooperation holding escalation case `caseId` (same index as `withCases`). */
  async withCase(caseId: string): Promise<StoredCooperation | null> {
    const record = await this.dataSource
      .getRepository(CooperationRecord)
      .createQueryBuilder('c')
      .where(`c.state #> '{context,escalation,cases}' @> CAST(:probe AS jsonb)`, {
        probe: JSON.stringify([{ id: caseId }]),
      })
      .getOne();
    return record ? toStored(record) : null;
  }

  /**
   * Replaces the stored snapshot document without a new version: for erasure, which removes
   * personal data and is no event of the cooperation (docs/personal-data.md).
   */
  async overwriteSnapshot(tx: EntityManager, id: string, state: PersistedState): Promise<void> {
    await tx.query(`UPDATE cooperations SET state = $2 WHERE id = $1`, [id, JSON.stringify(state)]);
  }
}

const memberAgsOf = (state: CooperationState): string[] =>
  Object.values(state.context.members)
    .filter((m) => VISIBLE_STATUSES.has(m.status))
    .map((m) => m.ags)
    .sort();

function snapshotColumns(state: CooperationState) {
  return {
    title: state.context.title,
    leadAgs: state.context.lead,
    memberAgs: memberAgsOf(state),
    stateValue: stateToString(state.value),
    state: state as object,
    definitionVersion: state.definitionVersion,
  };
}

function toStored(record: CooperationRecord): StoredCooperation {
  return {
    id: record.id,
    version: record.version,
    memberAgs: record.memberAgs,
    state: record.state as PersistedState,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
