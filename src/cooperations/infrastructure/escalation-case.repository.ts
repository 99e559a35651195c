import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Bind, Bindings, prepared } from '../../database/prepared';
import type { PersistedState } from '../domain';
import type { VisibilityScope } from './cooperation.repository';

/** What the queue orders and filters by, per case: a copy of the snapshot's fields, written with it. */
export interface CaseRow {
  caseId: string;
  status: string;
  level: number;
  deadlineAt: string;
}

export interface CasePageQuery {
  status: string;
  scope: VisibilityScope;
  cooperationId?: string;
  level?: number;
  /** Keyset: after this (deadlineAt, caseId). */
  after?: [string, string] | null;
  limit: number;
}

/** The cases of a snapshot as rows; a snapshot without cases (or written before them) has none. */
export function caseRowsOf(state: PersistedState): CaseRow[] {
  const cases = (state as { context?: { escalation?: { cases?: unknown } } }).context?.escalation?.cases;
  if (!Array.isArray(cases)) return [];
  return (cases as Array<{ id: string; status: string; level: number; deadlineAt: string }>).map((c) => ({
    caseId: c.id,
    status: c.status,
    level: c.level,
    deadlineAt: c.deadlineAt,
  }));
}

/** The rows of `after` that are new or differ from `before`'s: what a command has to write. */
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
        `(${bind(r.caseId)}::uuid, ${bind(cooperationId)}::uuid, ${bind(r.status)}, ${bind(r.level)}::int, ${bind(r.deadlineAt)}::timestamptz)`,
    );
    return `INSERT INTO escalation_cases (case_id, cooperation_id, status, level, deadline_at) VALUES ${values.join(', ')}
      ON CONFLICT (case_id) DO UPDATE
        SET status = EXCLUDED.status, level = EXCLUDED.level, deadline_at = EXCLUDED.deadline_at`;
  }

  /** One page of cases in queue order (deadline, then case id), in scope: SQL orders and limits. */
  async page(q: CasePageQuery): Promise<Array<{ caseId: string; cooperationId: string }>> {
    const { values, bind } = new Bindings();
    const where = [`e.status = ${bind(q.status)}`];
    const join = q.scope.all
      ? ''
      : `JOIN cooperations c ON c.id = e.cooperation_id AND c.member_ags @> ARRAY[${bind(q.scope.municipality ?? '')}]::text[]`;
    if (q.cooperationId) where.push(`e.cooperation_id = ${bind(q.cooperationId)}::uuid`);
    if (q.level !== undefined) where.push(`e.level = ${bind(q.level)}::int`);
    if (q.after) {
      where.push(`(e.deadline_at, e.case_id) > (${bind(q.after[0])}::timestamptz, ${bind(q.after[1])}::uuid)`);
    }
    const { rows } = await prepared<{ case_id: string; cooperation_id: string }>(
      this.dataSource,
      `SELECT e.case_id, e.cooperation_id FROM escalation_cases e ${join}
        WHERE ${where.join(' AND ')} ORDER BY e.deadline_at, e.case_id LIMIT ${bind(q.limit)}::int`,
      values,
    );
    return rows.map((r) => ({ caseId: r.case_id, cooperationId: r.cooperation_id }));
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
