import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ProblemError, unwrap } from '../api/client';
import { cooperationKey, useCooperation } from '../cooperation/queries';
import { formatDate, formatInstant } from '../format';
import { Empty, Loading, ProblemNotice } from '../layout/states';
import './outside.css';
import './texts';

interface Interest {
  municipality: { ags: string; name: string; district: string };
  message: string;
  at: string;
}
interface Search {
  status: 'open' | 'closed';
  lookingFor: string;
  openUntil: string;
  interests: Interest[];
}

/** The lead's view of its partner search: the interests, each one invitation away (INVITE_PARTNER). */
export function InterestsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const cooperation = useCooperation(id);
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: (ags: string) =>
      unwrap(
        api.POST('/api/v1/cooperations/{id}/events', {
          params: { path: { id } },
          body: { type: 'INVITE_PARTNER', municipality: ags } as never,
          headers: { 'If-Match': `"${cooperation.data?.version}"`, 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cooperationKey(id) }),
  });
  if (cooperation.isPending) return <Loading text={t('coop.loading')} />;
  if (cooperation.isError) return <ProblemNotice error={cooperation.error} />;
  const context = cooperation.data.context as unknown as {
    partnerSearch: Search | null;
    members: Record<string, { status: string }>;
  };
  const search = context.partnerSearch;
  return (
    <section aria-labelledby="interests-title">
      <p>
        <Link className="kern-link" to={`/cooperations/${id}`}>
          {cooperation.data.title}
        </Link>
      </p>
      <h1 className="kern-heading-large" id="interests-title">
        {t('outside.interests.title')}
      </h1>
      <p className="kern-body">{t('outside.interests.intro')}</p>
      {search ? (
        <p className="kern-body">
          <span className="kern-badge kern-badge--info">
            <span className="kern-label kern-label--small">{t(`outside.interests.status.${search.status}`)}</span>
          </span>{' '}
          {search.lookingFor} ({t('outside.searches.openUntil')} {formatDate(search.openUntil)})
        </p>
      ) : (
        <Empty text={t('outside.interests.noSearch')} />
      )}
      <p className="kern-body">
        <Link className="kern-link" to={`/cooperations/${id}/events/PUBLISH_PARTNER_SEARCH`}>
          {t('outside.interests.publish')}
        </Link>
        {search?.status === 'open' && (
          <>
            {' · '}
            <Link className="kern-link" to={`/cooperations/${id}/events/CLOSE_PARTNER_SEARCH`}>
              {t('outside.interests.close')}
            </Link>
          </>
        )}
      </p>
      {invite.isError && (
        <p className="kern-error" role="alert">
          {invite.error instanceof ProblemError ? (invite.error.problem.detail ?? invite.error.problem.title) : ''}
        </p>
      )}
      {search && search.interests.length === 0 && <Empty text={t('outside.interests.none')} />}
      {search && search.interests.length > 0 && (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--small">
            <caption className="kern-sr-only">{t('outside.interests.caption')}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                {(['municipality', 'message', 'at', 'action'] as const).map((k) => (
                  <th className="kern-table__header" scope="col" key={k}>
                    {t(`outside.interests.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {search.interests.map((i) => {
                const status = context.members[i.municipality.ags]?.status;
                return (
                  <tr className="kern-table__row" key={i.municipality.ags} data-interest={i.municipality.ags}>
                    <th className="kern-table__cell" scope="row">
                      {i.municipality.name} ({i.municipality.district})
                    </th>
                    <td className="kern-table__cell">{i.message}</td>
                    <td className="kern-table__cell">{formatInstant(i.at)}</td>
                    <td className="kern-table__cell">
                      {status === 'invited' ? (
                        t('outside.interests.invited')
                      ) : status === 'active' ? (
                        t('outside.interests.member')
                      ) : (
                        <button
                          type="button"
                          className="kern-btn kern-btn--secondary kern-btn--small"
                          disabled={invite.isPending}
                          onClick={() => invite.mutate(i.municipality.ags)}
                        >
                          <span className="kern-label">
                            {t('outside.interests.invite')} <span className="kern-sr-only">{i.municipality.name}</span>
                          </span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
