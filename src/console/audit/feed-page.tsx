import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { eventName } from '../cooperation/event-names';
import { formatInstant, formText } from '../format';
import { QueryTable } from '../layout/query-table';
import type { HistoryEntry } from './browser-verification';
import { ExportButtons } from './export-buttons';
import { auditKey } from './queries';
import { FilterButton } from '../layout/controls';

const FILTERS = ['from', 'to', 'cooperation', 'type', 'actor', 'municipality'] as const;
type FeedPage = { items: HistoryEntry[]; next: string | null };

/** Dates of the filter form are days in the user's time zone; the API takes instants ("to": the day's end). */
function instant(key: string, value: string): string {
  if ((key !== 'from' && key !== 'to') || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const start = new Date(`${value}T00:00:00`);
  if (key === 'to') start.setDate(start.getDate() + 1);
  return start.toISOString();
}

/** The auditors' global feed of every cooperation's history, with filters and exports. */
export function AuditFeedPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    FILTERS.flatMap((k) => (params.get(k) ? [[k, instant(k, params.get(k)!)]] : [])),
  ) as Record<string, string>;
  const feed = useInfiniteQuery({
    queryKey: [...auditKey, 'feed', filters],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: FeedPage) => page.next ?? undefined,
    queryFn: async ({ pageParam }) =>
      (await unwrap(
        api.GET('/api/v1/audit/transitions', {
          params: { query: { ...filters, limit: 50, ...(pageParam && { cursor: pageParam }) } },
        }),
      )) as unknown as FeedPage,
  });
  const all = useQuery({
    queryKey: [...auditKey, 'verify-all'],
    queryFn: () => unwrap(api.GET('/api/v1/audit/verify')),
  });

  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <h1 className="kern-heading-large" id="page-title">
        {t('audit.feedTitle')}
      </h1>
      <p className="kern-body">{t('audit.feedIntro')}</p>
      <p className="kern-body">
        <Link className="kern-link" to="/audit/checkpoints">
          {t('audit.checkpointsLink')}
        </Link>
      </p>
      {all.data && (
        <p className="kern-body" data-all-chains={all.data.valid ? 'valid' : 'broken'}>
          <span className={`kern-badge ${all.data.valid ? 'kern-badge--success' : 'kern-badge--danger'}`}>
            <span className="kern-label kern-label--small">
              {all.data.valid ? t('audit.allValid') : t('audit.someBroken', { count: all.data.broken.length })}
            </span>
          </span>{' '}
          {t('audit.allCounts', { chains: all.data.chains, entries: all.data.entries })}
        </p>
      )}
      <form
        className="ikz-filter"
        role="search"
        aria-label={t('audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setParams(Object.fromEntries(FILTERS.flatMap((k) => (formText(form, k) ? [[k, formText(form, k)]] : []))));
        }}
      >
        {FILTERS.map((k) => (
          <div className="kern-form-input" key={k}>
            <label className="kern-label" htmlFor={`feed-${k}`}>
              {t(`audit.filter.${k}`)}
            </label>
            <input
              className="kern-form-input__input"
              id={`feed-${k}`}
              name={k}
              type={k === 'from' || k === 'to' ? 'date' : 'text'}
              defaultValue={params.get(k) ?? ''}
            />
          </div>
        ))}
        <FilterButton />
      </form>
      <ExportButtons filters={filters} name="ikz-historie" />
      <QueryTable
        query={feed}
        rows={(data) => data.pages.flatMap((page) => page.items)}
        loading={t('audit.loading')}
        empty={t('audit.feedEmpty')}
        caption={t('audit.feedCaption')}
        small
        headers={(['time', 'cooperationCol', 'sequence', 'event', 'actor', 'stateAfter'] as const).map((k) =>
          t(`audit.${k}`),
        )}
      >
        {(e) => (
          <tr className="kern-table__row" key={`${e.cooperationId}/${e.sequence}`} data-feed-entry={e.eventType}>
            <td className="kern-table__cell">{formatInstant(e.recordedAt)}</td>
            <td className="kern-table__cell">
              <Link className="kern-link" to={`/audit/cooperations/${e.cooperationId}`}>
                {t('audit.historyOf', { id: e.cooperationId.slice(0, 8) })}
              </Link>
            </td>
            <td className="kern-table__cell">#{e.sequence}</td>
            <td className="kern-table__cell">{eventName(e.eventType)}</td>
            <td className="kern-table__cell">{e.actor.sub}</td>
            <td className="kern-table__cell">{e.stateAfter}</td>
          </tr>
        )}
      </QueryTable>
      {feed.hasNextPage && (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void feed.fetchNextPage()}>
          <span className="kern-label">{t('list.more')}</span>
        </button>
      )}
    </article>
  );
}
