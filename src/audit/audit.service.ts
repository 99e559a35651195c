import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '../auth/principal';
import { InvalidCursor } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import { ProblemException, validationProblem } from '../common/problem';
import { type FeedKey, type HistoryEntry, type HistoryFeedFilter, HistoryRepository } from '../history';
import type { AuditTransitionsQuery } from './audit.dto';

export type ExportFormat = 'ndjson' | 'csv';

/** Rows per query of an export: memory stays flat whatever the export's length. */
export const EXPORT_BATCH = 1_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

  constructor(private readonly history: HistoryRepository) {}

  async feed(q: AuditTransitionsQuery, principal: Principal, requestId?: string): Promise<Page<HistoryEntry>> {
    this.logRead('feed', q, principal, requestId);
    const after = q.cursor ? this.decodeKey(q.cursor) : null;
    const entries = await this.batch(q, after, q.limit + 1);
    return toPage(
      entries,
      q.limit,
      (e) => [e.recordedAt, e.cooperationId, e.sequence],
      (e) => e,
    );
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
    let entries = await this.batch(q, after, EXPORT_BATCH);
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
        if (entries.length > 0) {
          const chunk = entries.map((e) => (format === 'ndjson' ? JSON.stringify(e) + '\n' : csvLine(e))).join('');
          written += entries.length;
          if (!response.write(chunk)) await drained(response);
          if (response.destroyed || response.writableEnded) return;
        }
        if (entries.length < EXPORT_BATCH) break;
        const last = entries[entries.length - 1];
        after = [last.recordedAt, last.cooperationId, last.sequence];
        entries = await this.batch(q, after, EXPORT_BATCH);
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
    return this.history.verifyAll();
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
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw new InvalidCursor();
    if (typeof id !== 'string' || !UUID.test(id) || !Number.isInteger(sequence)) throw new InvalidCursor();
    return [at, id, sequence as number];
  }

  private batch(q: AuditTransitionsQuery, after: FeedKey | null, limit: number): Promise<HistoryEntry[]> {
    const filter: HistoryFeedFilter = {
      from: q.from && instant(q.from, 'from'),
      to: q.to && instant(q.to, 'to'),
      municipality: q.municipality,
      cooperation: q.cooperation,
      type: q.type,
      actor: q.actor,
    };
    return this.history.feed(filter, after, limit);
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
