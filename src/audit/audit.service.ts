import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { isUuid } from '../common/domain/identifiers';
import { decodeCursor, invalidCursor, type Page, toPage } from '../common/pagination';
import { ProblemException, validationProblem } from '../common/problem';
import type { HistoryEntry } from '../cooperations/domain';
import type { AuditTransitionsQuery } from './audit.dto';
import { type HistoryRow, toEntry } from '../cooperations/persistence/chain-verifier';
import { HISTORY_COLUMNS, type Query, verifyAllChains } from './history-rows';

export type ExportFormat = 'ndjson' | 'csv';

/** Rows per query of an export: memory stays flat whatever the export's length. */
export const EXPORT_BATCH = 1_000;

type FeedKey = [string, string, number];

const CSV_COLUMNS = [
  'cooperationId',
  'sequence',
  'eventType',
  'recordedAt',
  'actorSub',
  'actorRole',
  'actorMunicipality',
  'stateBefore',
  'stateAfter',
  'payload',
  'obligations',
  'requestId',
  'idempotencyKey',
  'prevHash',
  'hash',
] as const;

/**
 * A CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * CR first) gets a leading `'`: the CSV is for reading; the NDJSON export is the exact evidence.
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (e: HistoryEntry): string =>
  [
    e.cooperationId,
    e.sequence,
    e.eventType,
    e.recordedAt,
    e.actor.sub,
    e.actor.role,
    e.actor.municipality,
    e.stateBefore,
    e.stateAfter,
    JSON.stringify(e.payload),
    JSON.stringify(e.obligations),
    e.requestId,
    e.idempotencyKey,
    e.prevHash,
    e.hash,
  ]
    .map(cell)
    .join(',') + '\r\n';

/** Waits until the response can take more, or the client has gone. */
const drained = (response: Response): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });

/** The auditors' read side: the global feed, its streamed exports, verification of every chain. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');
  private readonly query: Query;

  constructor(dataSource: DataSource) {
    this.query = <R>(sql: string, params: unknown[]) => dataSource.query<R[]>(sql, params);
  }

  async feed(q: AuditTransitionsQuery, principal: Principal, requestId?: string): Promise<Page<HistoryEntry>> {
    this.logRead('feed', q, principal, requestId);
    const after = q.cursor ? this.decodeKey(q.cursor) : null;
    const rows = await this.batch(q, after, q.limit + 1);
    return toPage(rows, q.limit, (r) => [new Date(r.recorded_at).toISOString(), r.cooperation_id, r.sequence], toEntry);
  }

  /**
   * Streams every matching entry: one keyset query per batch, each batch written before the next is
   * read, waiting for the client whenever the socket's buffer is full. Nothing is held but a batch.
   * Headers go out with the first batch, so a failing first query is still a problem+json answer;
   * a failure later aborts the connection — a truncated export must not look complete.
   */
  async export(
    q: AuditTransitionsQuery,
    format: ExportFormat,
    principal: Principal,
    response: Response,
    requestId?: string,
  ): Promise<void> {
    this.logRead(`export-${format}`, q, principal, requestId);
    let after = q.cursor ? this.decodeKey(q.cursor) : null;
    let rows = await this.batch(q, after, EXPORT_BATCH);
    response.status(200);
    response.setHeader(
      'Content-Type',
      format === 'ndjson' ? 'application/x-ndjson; charset=utf-8' : 'text/csv; charset=utf-8; header=present',
    );
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="ikz-transitions.${format === 'ndjson' ? 'ndjson' : 'csv'}"`,
    );
    response.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') response.write(CSV_COLUMNS.join(',') + '\r\n');
    let written = 0;
    try {
      for (;;) {
        if (rows.length > 0) {
          const chunk = rows
            .map((r) => (format === 'ndjson' ? JSON.stringify(toEntry(r)) + '\n' : csvLine(toEntry(r))))
            .join('');
          written += rows.length;
          if (!response.write(chunk)) await drained(response);
          if (response.destroyed || response.writableEnded) return;
        }
        if (rows.length < EXPORT_BATCH) break;
        const last = rows[rows.length - 1];
        after = [new Date(last.recorded_at).toISOString(), last.cooperation_id, last.sequence];
        rows = await this.batch(q, after, EXPORT_BATCH);
      }
      response.end();
      this.logger.log(
        { audit: `export-${format}`, sub: principal.sub, requestId, entries: written },
        'Audit export finished',
      );
    } catch (error) {
      this.logger.error({ err: error, requestId, entries: written }, 'Audit export aborted');
      response.destroy(error as Error);
    }
  }

  verifyAll() {
    return verifyAllChains(this.query);
  }

  /** Who read what: exports of the evidence are themselves evidence (structured log line). */
  private logRead(kind: string, q: AuditTransitionsQuery, principal: Principal, requestId?: string): void {
    const filters = Object.fromEntries(
      (['from', 'to', 'municipality', 'cooperation', 'type', 'actor', 'cursor', 'limit'] as const)
        .filter((k) => q[k] !== undefined)
        .map((k) => [k, q[k]]),
    );
    this.logger.log(
      { audit: kind, principal: { sub: principal.sub, role: principal.role }, filters, requestId },
      `Audit ${kind} read by ${principal.sub}`,
    );
  }

  private decodeKey(cursor: string): FeedKey {
    const [at, id, sequence] = decodeCursor(cursor, 3);
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw invalidCursor();
    if (typeof id !== 'string' || !isUuid(id) || !Number.isInteger(sequence)) throw invalidCursor();
    return [at, id, sequence as number];
  }

  private batch(q: AuditTransitionsQuery, after: FeedKey | null, limit: number): Promise<HistoryRow[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (q.from) where.push(`h.recorded_at >= ${p(instant(q.from, 'from'))}::timestamptz`);
    if (q.to) where.push(`h.recorded_at < ${p(instant(q.to, 'to'))}::timestamptz`);
    if (q.municipality) {
      const ags = p(q.municipality);
      where.push(
        `(h.actor->>'municipality' = ${ags} OR EXISTS (SELECT 1 FROM cooperations c
           WHERE c.id = h.cooperation_id AND c.member_ags @> ARRAY[${ags}]::text[]))`,
      );
    }
    if (q.cooperation) where.push(`h.cooperation_id = ${p(q.cooperation)}::uuid`);
    if (q.type) where.push(`h.event_type = ${p(q.type)}`);
    if (q.actor) where.push(`h.actor->>'sub' = ${p(q.actor)}`);
    if (after)
      where.push(
        `(h.recorded_at, h.cooperation_id, h.sequence) > (${p(after[0])}::timestamptz, ${p(after[1])}::uuid, ${p(after[2])}::integer)`,
      );
    return this.query<HistoryRow>(
      `SELECT ${HISTORY_COLUMNS} FROM cooperation_history h
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY h.recorded_at, h.cooperation_id, h.sequence LIMIT ${Number(limit)}`,
      params,
    );
  }
}

/** An ISO 8601 time the database reads the same way JavaScript does. */
function instant(value: string, path: string): string {
  const ms = Date.parse(value);
  const iso = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  if (!/^\d{4}-/.test(iso)) throw validationProblem([{ path, messages: [`${path} must be a valid ISO 8601 time`] }]);
  return iso;
}

export const notAcceptable = (): ProblemException =>
  new ProblemException(
    406,
    'not-acceptable',
    'Not Acceptable',
    'This list answers application/json, application/x-ndjson (export) or text/csv (export).',
  );
