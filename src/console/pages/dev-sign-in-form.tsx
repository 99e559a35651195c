import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap, type Problem } from '../api/client';
import { clearExpired, draftStore, writeSession } from '../api/session';

const ROLES = ['coordinator', 'steering-board', 'auditor', 'admin'] as const;
const NEEDS_MUNICIPALITY: readonly string[] = ['coordinator', 'steering-board'];
const DRAFT = 'sign-in';

interface Draft {
  role: (typeof ROLES)[number];
  search: string;
  municipality: string;
  sub: string;
}

/** A short-lived auditor token for the registry search before anyone is signed in (development only). */
async function lookupToken(): Promise<string> {
  const data = await unwrap(
    api.POST('/api/v1/dev/token', { body: { role: 'auditor', sub: 'dev-sign-in-lookup', expiresInSeconds: 600 } }),
  );
  return data.token;
}

/** Development sign-in: a role and, for coordinators and board members, a municipality of the registry. */
export function DevSignInForm({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(
    () => draftStore.read<Draft>(DRAFT) ?? { role: 'coordinator', search: '', municipality: '', sub: '' },
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => draftStore.write(DRAFT, draft), [draft]);
  const needsMunicipality = NEEDS_MUNICIPALITY.includes(draft.role);
  const lookup = useQuery({
    queryKey: ['lookup-token'],
    queryFn: lookupToken,
    staleTime: 300_000,
    enabled: needsMunicipality,
  });
  const matches = useQuery({
    queryKey: ['municipalities', draft.search],
    enabled: needsMunicipality && !!lookup.data && draft.search.trim().length >= 2,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/municipalities', {
          params: { query: { q: draft.search.trim(), limit: 10 } as never },
          headers: { Authorization: `Bearer ${lookup.data}` },
        }),
      ),
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { data, error } = await api.POST('/api/v1/dev/token', {
      body: {
        role: draft.role,
        ...(needsMunicipality && draft.municipality && { municipality: draft.municipality }),
        ...(draft.sub && { sub: draft.sub }),
      },
    });
    if (error || !data) {
      setProblem(error as unknown as Problem);
      return;
    }
    clearExpired();
    writeSession(data);
    draftStore.clear(DRAFT);
    void navigate(returnTo, { replace: true });
  }

  const items =
    (matches.data as { items: { ags: string; name: string; kind: string; district: string | null }[] } | undefined)
      ?.items ?? [];
  const fieldError = problem?.errors?.find((e) => e.path === 'municipality');
  return (
    <>
      <p className="kern-body">{t('signIn.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} className="ikz-form" noValidate>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('signIn.role')}</legend>
          <div className="kern-fieldset__body">
            {ROLES.map((role) => (
              <div className="kern-form-check" key={role}>
                <input
                  className="kern-form-check__radio"
                  type="radio"
                  id={`role-${role}`}
                  name="role"
                  value={role}
                  checked={draft.role === role}
                  onChange={() => setDraft({ ...draft, role })}
                />
                <label className="kern-label" htmlFor={`role-${role}`}>
                  {t(`roles.${role}`)} ({role})
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {needsMunicipality && (
          <>
            <div className="kern-form-input">
              <label className="kern-label" htmlFor="municipality-search">
                {t('signIn.municipalitySearch')}
              </label>
              <div className="kern-hint" id="municipality-search-hint">
                {t('signIn.municipalitySearchHint')}
              </div>
              <input
                className="kern-form-input__input"
                id="municipality-search"
                type="search"
                autoComplete="off"
                aria-describedby="municipality-search-hint"
                value={draft.search}
                onChange={(e) => setDraft({ ...draft, search: e.target.value })}
              />
            </div>
            <div className={`kern-form-input${fieldError ? ' kern-form-input--error' : ''}`}>
              <label className="kern-label" htmlFor="municipality">
                {t('signIn.municipality')}
              </label>
              {fieldError && (
                <p className="kern-error" id="municipality-error" role="alert">
                  {t('signIn.chooseMunicipality')}
                </p>
              )}
              <div className="kern-form-input__select-wrapper">
                <select
                  className="kern-form-input__select"
                  id="municipality"
                  name="municipality"
                  value={draft.municipality}
                  aria-describedby={fieldError ? 'municipality-error' : undefined}
                  onChange={(e) => setDraft({ ...draft, municipality: e.target.value })}
                >
                  <option value="">
                    {items.length || !draft.search ? t('signIn.chooseMunicipality') : t('signIn.noMatches')}
                  </option>
                  {draft.municipality && !items.some((m) => m.ags === draft.municipality) && (
                    <option value={draft.municipality}>{draft.municipality}</option>
                  )}
                  {items.map((m) => (
                    <option key={m.ags} value={m.ags}>
                      {m.name} ({m.kind}
                      {m.district ? `, ${m.district}` : ''}) – {m.ags}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </>
        )}
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="sub">
            {t('signIn.sub')} <span className="kern-label__optional">({t('form.optional')})</span>
          </label>
          <div className="kern-hint" id="sub-hint">
            {t('signIn.subHint')}
          </div>
          <input
            className="kern-form-input__input"
            id="sub"
            name="sub"
            type="text"
            aria-describedby="sub-hint"
            value={draft.sub}
            onChange={(e) => setDraft({ ...draft, sub: e.target.value })}
          />
        </div>
        {problem && !fieldError && (
          <p className="kern-error" role="alert">
            {problem.detail ?? problem.title}
          </p>
        )}
        <div className="kern-btn-wrapper ikz-actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('signIn.submit')}</span>
          </button>
        </div>
      </form>
      <p className="kern-body kern-body--small kern-body--muted">{t('signIn.production')}</p>
    </>
  );
}
