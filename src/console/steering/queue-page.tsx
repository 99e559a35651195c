import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatInstant } from '../format';
import { QueryTable } from '../layout/query-table';
import { CASE_STATUSES, type CaseStatus, useEscalationQueue } from './queries';

/** The steering board's queue: the cases at the bodies of the user's municipality, oldest deadline first. */
export function EscalationQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (CASE_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as CaseStatus)
    : 'open';
  const queue = useEscalationQueue(status);
  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <h1 className="kern-heading-large" id="page-title">
        {t('board.title')}
      </h1>
      <p className="kern-body">{t('board.intro')}</p>
      <div className="kern-form-input ikz-filter">
        <label className="kern-label" htmlFor="case-status">
          {t('board.status')}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            className="kern-form-input__select"
            id="case-status"
            value={status}
            onChange={(e) => setParams(e.target.value === 'open' ? {} : { status: e.target.value })}
          >
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`board.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryTable
        query={queue}
        rows={(data) => data.items}
        loading={t('board.loading')}
        empty={t('board.empty')}
        caption={t('board.caption')}
        headers={(['case', 'cooperation', 'level', 'deadline', 'mayAct'] as const).map((k) => t(`board.${k}`))}
      >
        {(c) => (
          <tr className="kern-table__row" key={c.caseId} data-case={c.caseId} data-overdue={c.overdue}>
            <td className="kern-table__cell">
              <Link className="kern-link" to={`/escalations/${c.caseId}`}>
                {t('board.caseNumber', { number: c.number })}: {c.subject}
              </Link>
              <div className="kern-body kern-body--small">{t('board.raisedAt', { at: formatInstant(c.raisedAt) })}</div>
            </td>
            <td className="kern-table__cell">{c.cooperationTitle}</td>
            <td className="kern-table__cell">
              {c.levelName}
              <div className="kern-body kern-body--small">{c.body}</div>
            </td>
            <td className="kern-table__cell">
              {formatDate(c.deadlineOn)}
              {c.overdue && (
                <div>
                  <span className="kern-badge kern-badge--danger">
                    <span className="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true" />
                    <span className="kern-label kern-label--small">{t('board.overdue')}</span>
                  </span>
                </div>
              )}
            </td>
            <td className="kern-table__cell" data-may-act={c.mayAct}>
              {c.mayAct ? t('board.mayActYes') : t('board.mayActNo')}
            </td>
          </tr>
        )}
      </QueryTable>
    </article>
  );
}
