import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike } from '../../common/like';
import { Bindings, prepared, type WriteFragment } from '../../database/prepared';
import { type CooperationState, type PersistedState, stateToString } from '../domain';
import { CooperationRecord } from './cooperation.entity';
import {
  type AnswerProbe,
  answerJoin,
  type JoinedAnswer,
  type JoinedAnswerColumns,
  joinedAnswer,
} from './idempotency.repository';

/** A cooperation's row as the application sees it: the snapshot as written, before migration. */
export interface StoredCooperation {
  id: string;
  version: number;
  memberAgs: string[];
  state: PersistedState;
  createdAt: Date;
  updatedAt: Date;
  /** The hash of history entry `version`; null on rows written before the column existed (restored). */
  headHash: string | null;
}

/**
 * The row a command locked, with the caller's stored answer when it asked for one (`AnswerProbe`):
 * null when there is none, undefined when the lock cannot tell (see `lock`).
 */
export type LockedCooperation = StoredCooperation & { answer: JoinedAnswer | null | undefined };

export type { WriteFragment } from '../../database/prepared';

interface LockedRow extends JoinedAnswerColumns {
  id: string;
  version: number;
  member_ags: string[];
  state: PersistedState;
  created_at: Date;
  updated_at: Date;
  head_hash: string | null;
  seen_version?: number;
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

  /** A new row at version 1, whose history entry 1 has the hash `headHash`. */
  async insert(
    tx: EntityManager,
    id: string,
    state: CooperationState,
    at: Date,
    headHash: string,
  ): Promise<StoredCooperation> {
    const record = tx.create(CooperationRecord, {
      id,
      ...snapshotColumns(state),
      headHash,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    await tx.insert(CooperationRecord, record);
    return toStored(record);
  }

  /**
   * The row, locked for the rest of the transaction: commands on one cooperation are serialized.
   * The chain head comes from the locked row itself: after waiting for the lock, PostgreSQL
   * re-reads the locked row (so `head_hash` and `version` are the committed ones), but not what
   * a subquery or a join of the same statement saw. With `probe`, the caller's stored answer is
   * joined; it is `undefined` ("look it up") when the row changed while the statement waited —
   * `seen_version`, read by the statement's snapshot, then differs from the locked `version` —
   * because an answer committed meanwhile would be missing from the join.
   */
  async lock(tx: EntityManager, id: string, probe?: AnswerProbe): Promise<LockedCooperation | null> {
    const { values, bind } = new Bindings();
    const idParam = bind(id);
    const answer = probe ? answerJoin(probe, bind) : null;
    const { rows } = await prepared<LockedRow>(
      tx,
      `SELECT c.id, c.version, c.member_ags, c.state, c.created_at, c.updated_at, c.head_hash${
        answer
          ? `, ${answer.columns},
              (SELECT s.version FROM cooperations s WHERE s.id = ${idParam}) AS seen_version`
          : ''
      }
         FROM cooperations c ${answer?.join ?? ''}
        WHERE c.id = ${idParam} FOR UPDATE OF c`,
      values,
    );
    const [row] = rows;
    if (!row) return null;
    return {
      id: row.id,
      version: row.version,
      memberAgs: row.member_ags,
      state: row.state,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      headHash: row.head_hash,
      answer: !answer ? null : row.seen_version === row.version ? joinedAnswer(row) : undefined,
    };
  }

  /** Locks the row unless another transaction holds it; false when it is busy (or gone). */
  async tryLock(tx: EntityManager, id: string): Promise<boolean> {
    const rows = await tx.query<unknown[]>(`SELECT id FROM cooperations WHERE id = $1 FOR UPDATE SKIP LOCKED`, [id]);
    return rows.length > 0;
  }

  /**
   * Writes `next` (`nextRow` of the row the transaction has locked) in one statement with `also`
   * (the history entry, the stored answer, the outbox row, …: data-modifying CTEs). They all see
   * the snapshot the statement started with, so no two of them may touch the same row.
   */
  async update(
    tx: EntityManager,
    current: StoredCooperation,
    next: StoredCooperation & { state: CooperationState },
    also: readonly WriteFragment[] = [],
  ): Promise<void> {
    const { values, bind } = new Bindings();
    const ctes = also.map((fragment, i) => `w${i} AS (${fragment(bind)})`);
    const c = snapshotColumns(next.state);
    const { rowCount } = await prepared(
      tx,
      `${ctes.length > 0 ? `WITH ${ctes.join(', ')} ` : ''}UPDATE cooperations
          SET title = ${bind(c.title)}, lead_ags = ${bind(c.leadAgs)}, member_ags = ${bind(c.memberAgs)}::text[],
              state_value = ${bind(c.stateValue)}, state = ${bind(JSON.stringify(c.state))}::jsonb,
              definition_version = ${bind(c.definitionVersion)}, version = ${bind(next.version)},
              updated_at = ${bind(next.updatedAt)}, head_hash = ${bind(next.headHash)}
        WHERE id = ${bind(current.id)} AND version = ${bind(current.version)}`,
      values,
    );
    // Cannot happen under the row lock; if it ever did, committing would fork the history.
    if (rowCount !== 1) throw new Error(`cooperation ${current.id} changed under its row lock`);
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
    const { rows } = await prepared<{ member_ags: string[] }>(
      this.dataSource,
      'SELECT member_ags FROM cooperations WHERE id = $1',
      [id],
    );
    return rows[0]?.member_ags ?? null;
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

  /** The snapshots of the cooperations `ids` (those that exist), by id. */
  async states(ids: readonly string[]): Promise<Map<string, PersistedState>> {
    const { rows } = await prepared<{ id: string; state: PersistedState }>(
      this.dataSource,
      `SELECT id, state FROM cooperations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.state]));
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

/** The row after an accepted event: one version on, the new snapshot and chain head (`update` writes it). */
export const nextRow = (
  current: StoredCooperation,
  state: CooperationState,
  at: Date,
  headHash: string,
): StoredCooperation & { state: CooperationState } => ({
  id: current.id,
  createdAt: current.createdAt,
  version: current.version + 1,
  memberAgs: memberAgsOf(state),
  state,
  updatedAt: at,
  headHash,
});

function toStored(record: CooperationRecord): StoredCooperation {
  return {
    id: record.id,
    version: record.version,
    memberAgs: record.memberAgs,
    state: record.state as PersistedState,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    headHash: record.headHash,
  };
}
