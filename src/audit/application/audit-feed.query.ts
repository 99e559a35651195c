import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { InvalidInput } from '../../common/errors';
import { text } from '../../common/i18n';
import { isStorableInstant } from '../../common/domain/identifiers';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { Metrics } from '../../metrics';
import { type FeedKey, type HistoryEntry, type HistoryFeedFilter, HistoryRepository } from '../../history';

/** Rows per query of an export: memory stays flat whatever the export's length. */
export const EXPORT_BATCH = 1_000;

/** The feed's filters (from/to as the caller sent them) and its page. */
export interface FeedQuery extends HistoryFeedFilter {
  limit: number;
  cursor?: string;
}

/** The auditors' read side: the global feed, its exports batch by batch, verification of every chain. */
@Injectable()
export class AuditFeedQuery {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly history: HistoryRepository,
    private readonly metrics: Metrics,
  ) {}

  async page(q: FeedQuery, principal: Principal, requestId?: string): Promise<Page<HistoryEntry>> {
    this.logRead('feed', q, principal, requestId);
    const after = q.cursor ? decodeKey(q.cursor) : null;
    const entries = await this.batch(q, after, q.limit + 1);
    return toPage(
      entries,
      q.limit,
      (e) => [e.recordedAt, e.cooperationId, e.sequence],
      (e) => e,
    );
  }

  /**
   * Every matching entry, one keyset query per batch, each read only when the consumer asks for it:
   * nothing is held but a batch. The first batch is read before anything is yielded, so a bad filter
   * fails before the caller has started an answer.
   */
  async exportBatches(
    q: FeedQuery,
    kind: string,
    principal: Principal,
    requestId?: string,
  ): Promise<AsyncGenerator<HistoryEntry[]>> {
    this.logRead(kind, q, principal, requestId);
    const first = await this.batch(q, q.cursor ? decodeKey(q.cursor) : null, EXPORT_BATCH);
    return this.rest(q, first);
  }

  async verifyAll() {
    const result = await this.history.verifyAll();
    this.metrics.chainsBroken('all', result.broken.length);
    return result;
  }

  private async *rest(q: FeedQuery, first: HistoryEntry[]): AsyncGenerator<HistoryEntry[]> {
    let entries = first;
    for (;;) {
      if (entries.length > 0) yield entries;
      if (entries.length < EXPORT_BATCH) return;
      const last = entries[entries.length - 1];
      entries = await this.batch(q, [last.recordedAt, last.cooperationId, last.sequence], EXPORT_BATCH);
    }
  }

  /** Who read what: exports of the evidence are themselves evidence (structured log line). */
  private logRead(kind: string, q: FeedQuery, principal: Principal, requestId?: string): void {
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

  private batch(q: FeedQuery, after: FeedKey | null, limit: number): Promise<HistoryEntry[]> {
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

const decodeKey = (cursor: string): FeedKey => decodeCursor(cursor, ['instant', 'uuid', 'int4']);

/** An ISO 8601 time the database reads the same way JavaScript does. */
function instant(value: string, path: string): string {
  const ms = Date.parse(value);
  const iso = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  if (!isStorableInstant(iso)) throw new InvalidInput([{ path, message: text('validation.instant', { field: path }) }]);
  return iso;
}
