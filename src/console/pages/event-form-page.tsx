import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, type Problem } from '../api/client';
import { draftStore, readSession, resumesAfterSignIn } from '../api/session';
import { actorsAfter, cooperationKey, useCooperation, useDocuments } from '../cooperation/queries';
import { eventName } from '../cooperation/event-names';
import { bilingual } from '../format';
import { eventSchema, useOpenApiDocument, type FormValue } from '../forms/json-schema';
import { SchemaForm } from '../forms/schema-form';
import { Loading, ProblemNotice } from '../layout/states';

type Context = { loi?: { versions?: unknown[] }; contract?: { versions?: unknown[] } };

/** Values the form can know already: the version to sign is the current one, the contact is usually oneself. */
function defaultsFor(type: string, context: Context, query: URLSearchParams): Record<string, FormValue> {
  const loi = String(context.loi?.versions?.length ?? '');
  const contract = String(context.contract?.versions?.length ?? '');
  switch (type) {
    case 'SIGN_LOI':
      return { version: loi };
    case 'SIGN_CONTRACT':
    case 'RECORD_COUNCIL_RESOLUTION':
      return { version: contract };
    case 'SUBMIT_REPORT':
      return { period: query.get('period') ?? '' };
    case 'ACKNOWLEDGE_REPORT':
      return { period: query.get('period') ?? '', reporter: query.get('reporter') ?? '' };
    case 'APPOINT_CONTACT':
      return { userSub: readSession()?.sub ?? '' };
    default:
      return {};
  }
}

/** One event of a cooperation as a form generated from its schema in the OpenAPI document. */
export function EventFormPage() {
  const { id = '', type = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query] = useSearchParams();
  const queryClient = useQueryClient();
  const doc = useOpenApiDocument();
  const cooperation = useCooperation(id);
  const documents = useDocuments(id);
  const draftKey = `${id}.${type}`;
  // The version this form edits, kept with the draft: If-Match sends it, a 412 says it is stale.
  const location = useLocation();
  const [versionRead, setVersionRead] = useState<number | undefined>(() =>
    resumesAfterSignIn(location.pathname + location.search)
      ? draftStore.read<number>(`${draftKey}.version`)
      : undefined,
  );
  const [changedBy, setChangedBy] = useState<string[]>([]);
  // One key per submission: a double click or a retry of the same request is one event.
  const idempotencyKey = useRef(crypto.randomUUID());

  if (doc.isPending || cooperation.isPending) return <Loading text={t('form.loadingSchema')} />;
  if (doc.isError || cooperation.isError) return <ProblemNotice error={doc.error ?? cooperation.error} />;
  const schema = eventSchema(doc.data, type);
  if (!schema) return <ProblemNotice error={new Error(`unknown event ${type}`)} />;
  const coop = cooperation.data;
  const version = versionRead ?? coop.version;
  if (versionRead === undefined) {
    draftStore.write(`${draftKey}.version`, coop.version);
    setVersionRead(coop.version);
  }

  async function submit(body: unknown): Promise<Problem | null> {
    const { error, response } = await api.POST('/api/v1/cooperations/{id}/events', {
      params: { path: { id } },
      body: body as never,
      headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': idempotencyKey.current },
    });
    if (response.ok) {
      draftStore.clear(`${draftKey}.version`);
      await queryClient.invalidateQueries({ queryKey: cooperationKey(id) });
      await queryClient.invalidateQueries({ queryKey: ['cooperations'] });
      void navigate(`/cooperations/${id}`, { state: { accepted: type } });
      return null;
    }
    // A refused request stored nothing, so the corrected one may get a fresh key.
    idempotencyKey.current = crypto.randomUUID();
    const problem = error as unknown as Problem;
    if (response.status === 412) setChangedBy(await actorsAfter(id, version).catch(() => []));
    return problem;
  }

  async function reload(dismiss: () => void) {
    const fresh = await cooperation.refetch();
    if (fresh.data) {
      setVersionRead(fresh.data.version);
      draftStore.write(`${draftKey}.version`, fresh.data.version);
    }
    await queryClient.invalidateQueries({ queryKey: cooperationKey(id) });
    dismiss();
  }

  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <p>
        <Link className="kern-link" to={`/cooperations/${id}`}>
          <span className="kern-icon kern-icon--arrow-back kern-icon--small" aria-hidden="true" /> {coop.title}
        </Link>
      </p>
      <h1 className="kern-heading-large" id="page-title">
        {eventName(type)}
      </h1>
      <p className="kern-body">{bilingual(schema.description)}</p>
      <p className="kern-body kern-body--small kern-body--muted" data-version-read={version}>
        {t('form.version', { version })}
      </p>
      <SchemaForm
        key={`${draftKey}.${version}`}
        doc={doc.data}
        schema={schema}
        draftKey={draftKey}
        defaults={defaultsFor(type, coop.context, query)}
        documents={documents.data?.items ?? []}
        submit={submit}
        onCancel={() => void navigate(`/cooperations/${id}`)}
        renderProblem={(problem, dismiss) => (
          <div className="kern-alert kern-alert--warning" role="alert" data-stale>
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--warning" aria-hidden="true" />
              <span className="kern-title">{t('form.staleTitle')}</span>
            </div>
            <div className="kern-alert__body">
              <p className="kern-body">
                {t('form.stale', {
                  mine: version,
                  current: problem.currentVersion ?? '?',
                  by: changedBy.length ? t('form.staleBy', { actors: changedBy.join(', ') }) : '',
                })}
              </p>
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                onClick={() => void reload(dismiss)}
                data-reload
              >
                <span className="kern-icon kern-icon--autorenew kern-icon--small" aria-hidden="true" />
                <span className="kern-label">{t('form.reload')}</span>
              </button>
            </div>
          </div>
        )}
      />
    </article>
  );
}
