import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Problem } from '../api/client';
import { formatInstant } from '../format';
import { BackLink, ConfirmedSubmit } from '../layout/controls';
import { Loading, ProblemNotice } from '../layout/states';

type Fields = { name: string; email?: string } | { erased: true };

/** One personal-data record and its erasure (GDPR Art. 17): reason, then a confirmation that says what happens. */
export function PersonalDataPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['personal-data', id];
  const record = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/v1/personal-data/{id}', { params: { path: { id } } })),
  });
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (record.isPending) return <Loading text={t('admin.loading')} />;
  if (record.isError) return <ProblemNotice error={record.error} />;
  const r = record.data;
  const fields = r.fields as Fields;
  const erased = 'erased' in fields;

  function onReview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return setProblem(t('admin.reasonRequired'));
    setProblem(null);
    setConfirming(true);
  }
  async function onErase() {
    const { error, response } = await api.POST('/api/v1/personal-data/{id}/erasure', {
      params: { path: { id } },
      body: { reason },
    });
    setConfirming(false);
    if (!response.ok) {
      const p = error as unknown as Problem;
      return setProblem(p.detail ?? p.title);
    }
    // The erased name must not linger in any cached page either.
    queryClient.clear();
    await record.refetch();
  }

  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <BackLink to="/admin">{t('admin.title')}</BackLink>
      <h1 className="kern-heading-large" id="page-title">
        {t('admin.recordTitle')}
      </h1>
      <dl className="kern-description-list">
        {[
          [t('admin.personRef'), r.id],
          [t('admin.subjectKind'), t(`admin.kinds.${r.subjectKind}`, { defaultValue: r.subjectKind })],
          [
            t('board.cooperation'),
            <Link className="kern-link" to={`/cooperations/${r.cooperationId}`}>
              {r.cooperationId}
            </Link>,
          ],
          [t('admin.fields.municipality'), r.municipality ?? '–'],
          ...(erased
            ? [[t('admin.fieldsLabel'), t('admin.erasedFields')]]
            : [
                [t('admin.fields.personName'), fields.name],
                [t('admin.fields.email'), fields.email ?? '–'],
              ]),
          [t('admin.createdAt'), formatInstant(r.createdAt)],
        ].map(([k, v], i) => (
          <div className="kern-description-list-item" key={i}>
            <dt className="kern-description-list-item__key">{k}</dt>
            <dd className="kern-description-list-item__value">{v}</dd>
          </div>
        ))}
      </dl>
      {r.erasure ? (
        <div className="kern-alert kern-alert--success" role="status" data-erased>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <span className="kern-title">
              {t('admin.erasedOn', { at: formatInstant(r.erasure.at), by: (r.erasure.by as { sub: string }).sub })}
            </span>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{t('admin.erasedReason', { reason: r.erasure.reason })}</p>
          </div>
        </div>
      ) : (
        <section aria-labelledby="erase-title">
          <h2 className="kern-heading-medium" id="erase-title">
            {t('admin.erase')}
          </h2>
          <form className="ikz-form" onSubmit={onReview} noValidate>
            <div className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
              <label className="kern-label" htmlFor="erase-reason">
                {t('admin.reason')}
              </label>
              <div className="kern-hint" id="erase-reason-hint">
                {t('admin.reasonHint')}
              </div>
              <textarea
                className="kern-form-input__input"
                id="erase-reason"
                rows={3}
                value={reason}
                aria-describedby={`erase-reason-hint${problem ? ' erase-problem' : ''}`}
                onChange={(e) => {
                  setReason(e.target.value);
                  setConfirming(false);
                }}
              />
              {problem && (
                <p className="kern-error" id="erase-problem" role="alert">
                  {problem}
                </p>
              )}
            </div>
            <ConfirmedSubmit
              open={confirming}
              consequence={<p className="kern-body">{t('admin.eraseConsequence')}</p>}
              confirmLabel={t('admin.eraseConfirm')}
              onConfirm={() => void onErase()}
              onBack={() => setConfirming(false)}
            />
          </form>
        </section>
      )}
    </article>
  );
}
