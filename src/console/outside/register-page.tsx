import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { formatDate } from '../format';
import { Empty, Loading, ProblemNotice } from '../layout/states';
import { type Filter, FilterForm } from './filter-form';
import './outside.css';
import './texts';

/** The public project register [P4]: readable without sign-in, with a CSV export of the same filter. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const register = useQuery({
    queryKey: ['register', filter],
    queryFn: () => unwrap(api.GET('/api/v1/register', { params: { query: filter } })),
  });
  const csv = `/api/v1/register.csv?${new URLSearchParams(filter as Record<string, string>).toString()}`;
  return (
    <section aria-labelledby="register-title">
      <h1 className="kern-heading-large" id="register-title">
        {t('outside.register.title')}
      </h1>
      <p className="kern-body">{t('outside.register.intro')}</p>
      <FilterForm onApply={setFilter} />
      <p className="kern-body">
        <a className="kern-link" href={csv} download="projektregister.csv">
          {t('outside.register.csv')}
        </a>
      </p>
      {register.isPending ? (
        <Loading text={t('coop.loading')} />
      ) : register.isError ? (
        <ProblemNotice error={register.error} />
      ) : register.data.items.length === 0 ? (
        <Empty text={t('outside.register.empty')} />
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--small" data-testid="register">
            <caption className="kern-sr-only">{t('outside.register.caption')}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                {(['project', 'members', 'legalForm', 'phase', 'inForceSince', 'contacts'] as const).map((k) => (
                  <th className="kern-table__header" scope="col" key={k}>
                    {t(`outside.register.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {register.data.items.map((e) => (
                <tr className="kern-table__row" key={e.cooperationId}>
                  <th className="kern-table__cell" scope="row">
                    {e.title}
                    <br />
                    <span className="kern-body kern-body--small">{e.fieldOfWork}</span>
                  </th>
                  <td className="kern-table__cell">{e.members.map((m) => m.name).join(', ')}</td>
                  <td className="kern-table__cell">{e.legalForm ?? '–'}</td>
                  <td className="kern-table__cell">{t(`phases.${e.phase}`, { defaultValue: e.phase })}</td>
                  <td className="kern-table__cell">{formatDate(e.inForceSince)}</td>
                  <td className="kern-table__cell">
                    {e.contacts.length === 0
                      ? t('outside.register.noContacts')
                      : e.contacts.map((c) => (
                          <span key={c.municipality} className="ikz-contact">
                            {c.name}, {c.position}
                            {c.email && (
                              <>
                                {' '}
                                <a className="kern-link" href={`mailto:${c.email}`}>
                                  {c.email}
                                </a>
                              </>
                            )}
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
