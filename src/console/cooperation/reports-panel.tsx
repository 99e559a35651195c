import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readSession } from '../api/session';
import { formatDate } from '../format';
import { QueryTable } from '../layout/query-table';
import { useReports } from './queries';

const BADGE: Record<string, string> = {
  upcoming: 'kern-badge--info',
  due: 'kern-badge--warning',
  overdue: 'kern-badge--danger',
  submitted: 'kern-badge--info',
  acknowledged: 'kern-badge--success',
};

/** The reporting periods with their status; submit (the reporter) and acknowledge (the others). */
export function ReportsPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const reports = useReports(id);
  const me = readSession()?.municipality;
  return (
    <section aria-labelledby="reports-title" className="ikz-section">
      <h2 className="kern-heading-medium" id="reports-title">
        {t('reports.title')}
      </h2>
      <p className="kern-body">{t('reports.intro')}</p>
      <QueryTable
        query={reports}
        rows={(data) => data.periods}
        loading={t('coop.loading')}
        empty={t('reports.empty')}
        caption={t('reports.caption')}
        small
        headers={(['reporter', 'period', 'due', 'grace', 'status', 'action'] as const).map((k) => t(`reports.${k}`))}
      >
        {(p) => {
          const mine = p.reporter === me;
          const canSubmit = mine && (p.status === 'due' || p.status === 'overdue');
          const canAcknowledge = !mine && p.status === 'submitted' && !!me && (p.report?.awaiting ?? []).includes(me);
          const query = `?period=${encodeURIComponent(p.period)}&reporter=${p.reporter}`;
          return (
            <tr className="kern-table__row" key={`${p.reporter}/${p.period}`} data-period={p.period}>
              <td className="kern-table__cell">{p.reporter}</td>
              <td className="kern-table__cell">{p.period}</td>
              <td className="kern-table__cell">{formatDate(p.dueOn)}</td>
              <td className="kern-table__cell">{formatDate(p.graceEndsOn)}</td>
              <td className="kern-table__cell">
                <span className={`kern-badge ${BADGE[p.status]}`}>
                  <span className="kern-label kern-label--small">{t(`reports.statuses.${p.status}`)}</span>
                </span>
              </td>
              <td className="kern-table__cell">
                {canSubmit && (
                  <Link className="kern-link" to={`/cooperations/${id}/events/SUBMIT_REPORT${query}`}>
                    {t('reports.submit')} <span className="kern-sr-only">{p.period}</span>
                  </Link>
                )}
                {canAcknowledge && (
                  <Link className="kern-link" to={`/cooperations/${id}/events/ACKNOWLEDGE_REPORT${query}`}>
                    {t('reports.acknowledge')} <span className="kern-sr-only">{p.period}</span>
                  </Link>
                )}
              </td>
            </tr>
          );
        }}
      </QueryTable>
    </section>
  );
}
