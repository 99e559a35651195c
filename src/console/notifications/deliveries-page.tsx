import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { readSession } from '../api/session';
import { formatInstant, formText } from '../format';
import { QueryTable } from '../layout/query-table';

const STATUSES = ['pending', 'delivered', 'failed'] as const;
const BADGE: Record<string, string> = {
  pending: 'kern-badge--info',
  delivered: 'kern-badge--success',
  failed: 'kern-badge--danger',
};
type Delivery = Schemas['DeliveryDto'];

/**
 * What the engine told whom: the user's own notifications (e-mails to their role) and the
 * municipality's whole delivery log — e-mails, webhooks, NATS — with attempts and errors.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const session = readSession();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : '';
  const municipality = session?.role === 'admin' ? (params.get('municipality') ?? '') : '';
  const log = useInfiniteQuery({
    queryKey: ['notification-deliveries', status, municipality],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { next: string | null }) => page.next ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/notification-deliveries', {
          params: {
            query: {
              limit: 50,
              ...(status && { status: status as (typeof STATUSES)[number] }),
              ...(municipality && { municipality }),
              ...(pageParam && { cursor: pageParam }),
            },
          },
        }),
      ) as unknown as Promise<{ items: Delivery[]; next: string | null }>,
  });
  const all = (data: { pages: { items: Delivery[] }[] }) => data.pages.flatMap((p) => p.items);
  const mine = (data: { pages: { items: Delivery[] }[] }) =>
    all(data).filter((d) => d.channel === 'email' && d.role === session?.role);

  const headers = (['createdAt', 'channel', 'target', 'subject', 'status', 'attempts'] as const).map((k) =>
    t(`notifications.${k}`),
  );
  const row = (d: Delivery) => (
    <tr className="kern-table__row" key={d.id} data-delivery={d.id}>
      <td className="kern-table__cell">{formatInstant(d.createdAt)}</td>
      <td className="kern-table__cell">{t(`notifications.channels.${d.channel}`, { defaultValue: d.channel })}</td>
      <td className="kern-table__cell">
        {d.target}
        <div className="kern-body kern-body--small">
          <Link className="kern-link" to={`/cooperations/${d.cooperationId}`}>
            {t('notifications.cooperation')}
          </Link>
        </div>
      </td>
      <td className="kern-table__cell">{d.subject ?? '–'}</td>
      <td className="kern-table__cell">
        <span className={`kern-badge ${BADGE[d.status] ?? ''}`}>
          <span className="kern-label kern-label--small">{t(`notifications.statuses.${d.status}`)}</span>
        </span>
        {d.lastError && <div className="kern-body kern-body--small">{d.lastError}</div>}
      </td>
      <td className="kern-table__cell">
        {d.attempts}
        {d.deliveredAt && <div className="kern-body kern-body--small">{formatInstant(d.deliveredAt)}</div>}
      </td>
    </tr>
  );

  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <h1 className="kern-heading-large" id="page-title">
        {t('notifications.title')}
      </h1>
      <p className="kern-body">{t('notifications.intro')}</p>
      <form
        className="ikz-filter"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const next: Record<string, string> = {};
          for (const k of ['status', 'municipality']) if (formText(form, k)) next[k] = formText(form, k);
          setParams(next);
        }}
      >
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="delivery-status">
            {t('notifications.status')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select className="kern-form-input__select" id="delivery-status" name="status" defaultValue={status}>
              <option value="">{t('notifications.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`notifications.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {session?.role === 'admin' && (
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="delivery-municipality">
              {t('notifications.municipality')}
            </label>
            <input
              className="kern-form-input__input"
              id="delivery-municipality"
              name="municipality"
              inputMode="numeric"
              defaultValue={municipality}
            />
          </div>
        )}
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('list.apply')}</span>
        </button>
      </form>
      {session?.role !== 'admin' && (
        <section aria-labelledby="mine-title">
          <h2 className="kern-heading-medium" id="mine-title">
            {t('notifications.mine')}
          </h2>
          <QueryTable
            query={log}
            rows={mine}
            loading={t('notifications.loading')}
            empty={t('notifications.mineEmpty')}
            caption={t('notifications.mine')}
            small
            headers={headers}
          >
            {row}
          </QueryTable>
        </section>
      )}
      <section aria-labelledby="log-title">
        <h2 className="kern-heading-medium" id="log-title">
          {t('notifications.log')}
        </h2>
        <QueryTable
          query={log}
          rows={all}
          loading={t('notifications.loading')}
          empty={t('notifications.logEmpty')}
          caption={t('notifications.log')}
          small
          headers={headers}
        >
          {row}
        </QueryTable>
        {log.hasNextPage && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void log.fetchNextPage()}>
            <span className="kern-label">{t('list.more')}</span>
          </button>
        )}
      </section>
    </article>
  );
}
