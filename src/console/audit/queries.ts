import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { download } from '../api/download';
import type { HistoryEntry } from './browser-verification';

export const auditKey = ['audit'] as const;

/** Every entry of a cooperation's chain, page by page (the browser verifies all of them). */
export const useFullHistory = (id: string) =>
  useQuery({
    queryKey: [...auditKey, 'history', id],
    queryFn: async () => {
      const entries: HistoryEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/v1/cooperations/{id}/history', {
            params: { path: { id }, query: { limit: 100, ...(cursor && { cursor }) } },
          }),
        );
        entries.push(...(page.items as HistoryEntry[]));
        cursor = page.next ?? undefined;
      } while (cursor);
      return entries;
    },
  });

export const useServerVerification = (id: string) =>
  useQuery({
    queryKey: [...auditKey, 'verify', id],
    queryFn: () => unwrap(api.GET('/api/v1/cooperations/{id}/history/verify', { params: { path: { id } } })),
  });

export type ExportFormat = 'ndjson' | 'csv';
const MEDIA: Record<ExportFormat, string> = { ndjson: 'application/x-ndjson', csv: 'text/csv' };

/** Downloads the audit feed's export (NDJSON or CSV) for the given filters as a file. */
export function downloadExport(filters: Record<string, string>, format: ExportFormat, name: string): Promise<void> {
  const query = new URLSearchParams(filters).toString();
  return download(`/api/v1/audit/transitions${query ? `?${query}` : ''}`, `${name}.${format}`, MEDIA[format]);
}
