import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ProblemError, type Schemas, unwrap } from '../api/client';
import { formatDate } from '../format';
import { Empty, Loading, ProblemNotice } from '../layout/states';
import { type Filter, FilterForm } from './filter-form';
import './outside.css';
import './texts';

/** Published partner searches of other municipalities [P3]; an interest is sent with a message. */
export function PartnerSearchesPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const searches = useQuery({
    queryKey: ['partner-searches', filter],
    queryFn: () => unwrap(api.GET('/api/v1/partner-searches', { params: { query: filter } })),
  });
  return (
    <section aria-labelledby="searches-title">
      <h1 className="kern-heading-large" id="searches-title">
        {t('outside.searches.title')}
      </h1>
      <p className="kern-body">{t('outside.searches.intro')}</p>
      <FilterForm onApply={setFilter} />
      {searches.isPending ? (
        <Loading text={t('coop.loading')} />
      ) : searches.isError ? (
        <ProblemNotice error={searches.error} />
      ) : searches.data.items.length === 0 ? (
        <Empty text={t('outside.searches.empty')} />
      ) : (
        <ul className="ikz-cards">
          {searches.data.items.map((s) => (
            <SearchCard key={s.cooperationId} search={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SearchCard({ search }: { search: Schemas['PartnerSearchDto'] }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/partner-searches/{id}/interests', {
          params: { path: { id: search.cooperationId } },
          body: { message },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
  });
  const titleId = `search-${search.cooperationId}`;
  const where = [...search.districts, ...search.regions].join(', ') || t('outside.searches.everywhere');
  return (
    <li className="kern-card ikz-card" aria-labelledby={titleId} data-search={search.cooperationId}>
      <div className="kern-card__container">
        <h2 className="kern-heading-small" id={titleId}>
          {search.title}
        </h2>
        <p className="kern-body">
          <span className="kern-badge kern-badge--info">
            <span className="kern-label kern-label--small">{t(`outside.searches.nearness.${search.nearness}`)}</span>
          </span>{' '}
          {search.fieldOfWork} · {t('outside.searches.lead')}: {search.lead.name} ({search.lead.district}) ·{' '}
          {t('outside.searches.openUntil')} {formatDate(search.openUntil)}
        </p>
        <p className="kern-body">
          <strong>{t('outside.searches.lookingFor')}:</strong> {search.lookingFor}
        </p>
        <p className="kern-body kern-body--small">
          {t('outside.searches.where')}: {where}
        </p>
        {search.own ? (
          <p className="kern-body kern-body--small">{t('outside.searches.own')}</p>
        ) : send.isSuccess ? (
          <div className="kern-alert kern-alert--success" role="status">
            <span className="kern-title">{t('outside.searches.sent')}</span>
          </div>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate();
            }}
          >
            <div className="kern-form-input">
              <label className="kern-label" htmlFor={`${titleId}-message`}>
                {t('outside.searches.message')}
              </label>
              <textarea
                className="kern-form-input__input"
                id={`${titleId}-message`}
                required
                maxLength={5000}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
            </div>
            {send.isError && (
              <p className="kern-error" role="alert">
                {send.error instanceof ProblemError ? (send.error.problem.detail ?? send.error.problem.title) : ''}
              </p>
            )}
            <button type="submit" className="kern-btn kern-btn--primary" disabled={send.isPending}>
              <span className="kern-label">{t('outside.searches.express')}</span>
            </button>
          </form>
        )}
      </div>
    </li>
  );
}
