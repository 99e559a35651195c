import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Bind, Bindings, prepared } from '../../database/prepared';
import { conflictLevels, migrateState, type PersistedState, queueEntryOf, type StoredQueueEntry } from '../domain';
import type { VisibilityScope } from './cooperation.repository';

/**
 * What the queue orders and filters by, per case, and what it shows of it: a copy of the
 * snapshot's fields and the case's queue entry (the domain's), written with the snapshot.
 */
export interface CaseRow {
  caseId: string;
  status: string;
  level: number;
  deadlineAt: string;
  entry: StoredQueueEntry;
}

export interface CasePageQuery {
  status: string;
  scope: VisibilityScope;
  cooperationId?: string;
  level?: number;
  /** Only the cases whose body (`entry.bodyMunicipalities`) holds this municipality: a board member's. */
  body?: string;
  /** Keyset: after this (deadlineAt, caseId). */
  after?: [string, string] | null;
  limit: number;
}

/** A case of a page; `entry` is null on rows written before entries were stored (read the snapshot). */
export interface CasePageRow {
  caseId: string;
  cooperationId: string;
  deadlineAt: string;
  entry: StoredQueueEntry | null;
}

/** The cases of a snapshot as rows; a snapshot without cases (or written before them) has none. */
export function caseRowsOf(state: PersistedState): CaseRow[] {
  const cases = (state as { context?: { escalation?: { cases?: unknown } } }).context?.escalation?.cases;
  if (!Array.isArray(cases) || cases.length === 0) return [];
  const { context } = migrateState(state);
  const levels = conflictLevels(context);
  return context.escalation.cases.map((c) => ({
    caseId: c.id,
    status: c.status,
    level: c.level,
    deadlineAt: c.deadlineAt,
    entry: queueEntryOf(context, c, levels),
  }));
}

/**
 * The rows of `after` that are new or differ from `before`'s: what a command has to write. The
 * entry is compared too, so a change the case does not see itself (a partner leaving its body,
 * the cooperation's title, an amended conflict procedure) rewrites it.
 */
export function changedCases(before: PersistedState, after: PersistedState): CaseRow[] {
  const old = new Map(caseRowsOf(before).map((c) => [c.caseId, JSON.stringify(c)]));
  return caseRowsOf(after).filter((c) => old.get(c.caseId) !== JSON.stringify(c));
}

/**
 * All SQL of `escalation_cases`: one row per escalation case, written by the command that changes
 * the case (in the statement that writes the snapshot), read by the steering-board queue.
 */
@Injectable()
export class EscalationCaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The upsert of changed case rows as a fragment of the command's write (cases are never removed). */
  static upsertSql(cooperationId: string, rows: readonly CaseRow[], bind: Bind): string {
    const values = rows.map(
      (r) =>
        `(${bind(r.caseId)}::uuid, ${bind(cooperationId)}::uuid, ${bind(r.status)}, ${bind(r.level)}::int, ${bind(r.deadlineAt)}::timestamptz, ${bind(JSON.stringify(r.entry))}::jsonb)`,
    );
    return `INSERT INTO escalation_cases (case_id, cooperation_id, status, level, deadline_at, entry) VALUES ${values.join(', ')}
      ON CONFLICT (case_id) DO UPDATE
        SET status = EXCLUDED.status, level = EXCLUDED.level, deadline_at = EXCLUDED.deadline_at, entry = EXCLUDED.entry`;
  }

  /**
   * One page of cases in queue order (deadline, then case id), in scope: SQL orders and limits,
   * and the rows carry the entries, so no snapshot is read (but for rows without an entry).
   */
  async page(q: CasePageQuery): Promise<CasePageRow[]> {
    const { values, bind } = new Bindings();
    // Board members and those who see everything read open cases by `open_deadline` (the deadline
    // while open, else NULL; a partial index of its own): `IS NOT NULL` the planner takes for nearly
    // every row, so it walks that index in order and stops at the limit even without statistics,
    // which the embedded default never gathers; `status = $1` it guesses at 0.5 % and then sorts
    // every open case (docs/performance.md). A coordinator's scope is the cooperation's members,
    // which the planner may better start from (GIN on member_ags) when they are few.
    const inOrder = q.status === 'open' && (q.body !== undefined || q.scope.all);
    const deadline = inOrder ? 'e.open_deadline' : 'e.deadline_at';
    const where = [inOrder ? 'e.open_deadline IS NOT NULL' : `e.status = ${bind(q.status)}`];
    let join = '';
    if (q.body !== undefined) {
      // A body's municipalities are partners, so the case is visible to its board members. Rows
      // without an entry are scoped by visibility here and by their body in the caller.
      const visible = q.scope.all
        ? ''
        : ` AND EXISTS (SELECT 1 FROM cooperations c WHERE c.id = e.cooperation_id
              AND c.member_ags @> ARRAY[${bind(q.scope.municipality ?? '')}]::text[])`;
      // jsonb_exists, not `?`: a function the planner guesses at a third; `?` it takes for rare and sorts.
      where.push(`(jsonb_exists(e.entry -> 'bodyMunicipalities', ${bind(q.body)}) OR e.entry IS NULL${visible})`);
    } else if (!q.scope.all) {
      join = `JOIN cooperations c ON c.id = e.cooperation_id AND c.member_ags @> ARRAY[${bind(q.scope.municipality ?? '')}]::text[]`;
    }
    if (q.cooperationId) where.push(`e.cooperation_id = ${bind(q.cooperationId)}::uuid`);
    if (q.level !== undefined) where.push(`e.level = ${bind(q.level)}::int`);
    if (q.after) {
      where.push(`(${deadline}, e.case_id) > (${bind(q.after[0])}::timestamptz, ${bind(q.after[1])}::uuid)`);
    }
    const { rows } = await prepared<{
      case_id: string;
      cooperation_id: string;
      deadline_at: Date;
      entry: StoredQueueEntry | null;
    }>(
      this.dataSource,
      `SELECT e.case_id, e.cooperation_id, e.deadline_at, e.entry FROM escalation_cases e ${join}
        WHERE ${where.join(' AND ')} ORDER BY ${deadline}, e.case_id LIMIT ${bind(q.limit)}::int`,
      values,
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      cooperationId: r.cooperation_id,
      deadlineAt: r.deadline_at.toISOString(),
      entry: r.entry,
    }));
  }

  /** Up to `limit` cases stored before entries were (no entry yet), with their cooperations. */
  async withoutEntry(limit: number): Promise<Array<{ caseId: string; cooperationId: string }>> {
    const { rows } = await prepared<{ case_id: string; cooperation_id: string }>(
      this.dataSource,
      `SELECT case_id, cooperation_id FROM escalation_cases WHERE entry IS NULL ORDER BY case_id LIMIT $1::int`,
      [limit],
    );
    return rows.map((r) => ({ caseId: r.case_id, cooperationId: r.cooperation_id }));
  }

  /**
   * Fills the entries of rows that still have none; a row a command wrote meanwhile keeps its
   * own (the command's is as new as its snapshot). Returns how many were filled.
   */
  async fillEntries(rows: ReadonlyArray<{ caseId: string; entry: StoredQueueEntry }>): Promise<number> {
    if (rows.length === 0) return 0;
    const { rowCount } = await prepared(
      this.dataSource,
      `UPDATE escalation_cases e SET entry = f.entry
         FROM jsonb_to_recordset($1::jsonb) AS f(case_id uuid, entry jsonb)
        WHERE e.case_id = f.case_id AND e.entry IS NULL`,
      [JSON.stringify(rows.map((r) => ({ case_id: r.caseId, entry: r.entry })))],
    );
    return rowCount;
  }

  /** The cooperation holding case `caseId`, or null. */
  async cooperationOf(caseId: string): Promise<string | null> {
    const { rows } = await prepared<{ cooperation_id: string }>(
      this.dataSource,
      `SELECT cooperation_id FROM escalation_cases WHERE case_id = $1::uuid`,
      [caseId],
    );
    return rows[0]?.cooperation_id ?? null;
  }
}
