import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { HistoryEntry } from '../../history';

export type ExportFormat = 'ndjson' | 'csv';

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

const logger = new Logger('Audit');

/**
 * Writes an export batch by batch, waiting for the client whenever the socket's buffer is full.
 * Headers go out with the first batch (already read, so a failing first query was still a
 * problem+json answer); a failure later aborts the connection — a truncated export must not look
 * complete.
 */
export async function writeExport(
  batches: AsyncGenerator<HistoryEntry[]>,
  format: ExportFormat,
  response: Response,
  log: { sub: string; requestId?: string },
): Promise<void> {
  response.status(200);
  response.setHeader(
    'Content-Type',
    format === 'ndjson' ? 'application/x-ndjson; charset=utf-8' : 'text/csv; charset=utf-8; header=present',
  );
  response.setHeader('Content-Disposition', `attachment; filename="ikz-transitions.${format}"`);
  response.setHeader('Cache-Control', 'no-store');
  if (format === 'csv') response.write(CSV_COLUMNS.join(',') + '\r\n');
  let written = 0;
  try {
    for await (const entries of batches) {
      const chunk = entries.map((e) => (format === 'ndjson' ? JSON.stringify(e) + '\n' : csvLine(e))).join('');
      written += entries.length;
      if (!response.write(chunk)) await drained(response);
      if (response.destroyed || response.writableEnded) return;
    }
    response.end();
    logger.log({ audit: `export-${format}`, ...log, entries: written }, 'Audit export finished');
  } catch (error) {
    logger.error({ err: error, requestId: log.requestId, entries: written }, 'Audit export aborted');
    response.destroy(error as Error);
  }
}
