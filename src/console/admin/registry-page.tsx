import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap, type Problem } from '../api/client';
import { formText } from '../format';
import { QueryTable } from '../layout/query-table';

const KINDS = [
  'Landschaftsverband',
  'Regionalverband',
  'Zweckverband',
  'sonstige Körperschaft',
  'Kreis',
  'kreisfreie Stadt',
  'Stadt',
  'Gemeinde',
] as const;
const OPTIONAL = ['district', 'region', 'land'] as const;

/** Administration: the registry of public bodies (search, add one) and the way to a person's data. */
export function AdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const registry = useQuery({
    queryKey: ['municipalities', 'admin', q],
    enabled: q.length > 0,
    queryFn: () => unwrap(api.GET('/api/v1/municipalities', { params: { query: { q, limit: 20 } } })),
  });

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const value = (k: string) => formText(form, k);
    const body = {
      ags: value('ags'),
      name: value('name'),
      kind: value('kind') as (typeof KINDS)[number],
      ...Object.fromEntries(OPTIONAL.flatMap((k) => (value(k) ? [[k, value(k)]] : []))),
    };
    const { data, error } = await api.POST('/api/v1/municipalities', { body: body as typeof body & { land: string } });
    if (data) {
      setProblem(null);
      setAdded(t('admin.added', { name: data.name, ags: data.ags }));
      formElement.reset();
      await queryClient.invalidateQueries({ queryKey: ['municipalities'] });
      setQ(data.name);
    } else {
      setAdded(null);
      setProblem(error as unknown as Problem);
    }
  }

  const errorAt = (path: string) => problem?.errors?.find((e) => e.path === path)?.messages.join(' ');
  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <h1 className="kern-heading-large" id="page-title">
        {t('admin.title')}
      </h1>
      <section aria-labelledby="registry-title">
        <h2 className="kern-heading-medium" id="registry-title">
          {t('admin.registry')}
        </h2>
        <p className="kern-body">{t('admin.registryIntro')}</p>
        <form
          className="ikz-filter"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setQ(formText(new FormData(e.currentTarget), 'q'));
          }}
        >
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="registry-q">
              {t('admin.search')}
            </label>
            <input className="kern-form-input__input" id="registry-q" name="q" type="search" />
          </div>
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t('list.apply')}</span>
          </button>
        </form>
        {q && (
          <QueryTable
            query={registry}
            rows={(data) => data.items}
            loading={t('admin.loading')}
            empty={t('admin.noneFound')}
            caption={t('admin.registry')}
            small
            headers={(['ags', 'name', 'kind', 'district', 'land'] as const).map((k) => t(`admin.fields.${k}`))}
          >
            {(m) => (
              <tr className="kern-table__row" key={m.ags} data-body={m.ags}>
                <td className="kern-table__cell">{m.ags}</td>
                <td className="kern-table__cell">{m.name}</td>
                <td className="kern-table__cell">{m.kind}</td>
                <td className="kern-table__cell">{m.district ?? '–'}</td>
                <td className="kern-table__cell">{m.land}</td>
              </tr>
            )}
          </QueryTable>
        )}
        <h3 className="kern-heading-small">{t('admin.add')}</h3>
        <form className="ikz-form" onSubmit={(e) => void onAdd(e)} noValidate data-add-body>
          {(['ags', 'name'] as const).map((k) => (
            <div className={`kern-form-input${errorAt(k) ? ' kern-form-input--error' : ''}`} key={k}>
              <label className="kern-label" htmlFor={`body-${k}`}>
                {t(`admin.fields.${k}`)}
              </label>
              {k === 'ags' && (
                <div className="kern-hint" id="body-ags-hint">
                  {t('admin.agsHint')}
                </div>
              )}
              <input
                className="kern-form-input__input"
                id={`body-${k}`}
                name={k}
                required
                aria-describedby={
                  [k === 'ags' && 'body-ags-hint', errorAt(k) && `body-${k}-error`].filter(Boolean).join(' ') ||
                  undefined
                }
              />
              {errorAt(k) && (
                <p className="kern-error" id={`body-${k}-error`}>
                  {errorAt(k)}
                </p>
              )}
            </div>
          ))}
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="body-kind">
              {t('admin.fields.kind')}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select className="kern-form-input__select" id="body-kind" name="kind" defaultValue={KINDS[0]}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {OPTIONAL.map((k) => (
            <div className="kern-form-input" key={k}>
              <label className="kern-label" htmlFor={`body-${k}`}>
                {t(`admin.fields.${k}`)} <span className="kern-label__optional">({t('form.optional')})</span>
              </label>
              <input className="kern-form-input__input" id={`body-${k}`} name={k} />
            </div>
          ))}
          {problem && (
            <p className="kern-error" role="alert" data-add-problem>
              {problem.detail ?? problem.title}
            </p>
          )}
          {added && (
            <p className="kern-body" role="status" data-added>
              {added}
            </p>
          )}
          <div className="ikz-actions">
            <button type="submit" className="kern-btn kern-btn--primary">
              <span className="kern-label">{t('admin.addSubmit')}</span>
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="personal-title">
        <h2 className="kern-heading-medium" id="personal-title">
          {t('admin.personalData')}
        </h2>
        <p className="kern-body">{t('admin.personalDataIntro')}</p>
        <form
          className="ikz-filter"
          onSubmit={(e) => {
            e.preventDefault();
            const ref = formText(new FormData(e.currentTarget), 'ref');
            if (ref) void navigate(`/admin/personal-data/${encodeURIComponent(ref)}`);
          }}
        >
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="person-ref">
              {t('admin.personRef')}
            </label>
            <input className="kern-form-input__input" id="person-ref" name="ref" />
          </div>
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t('admin.show')}</span>
          </button>
        </form>
      </section>
    </article>
  );
}
