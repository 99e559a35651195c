import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { OidcConfig } from '../api/oidc';
import { clearExpired, sessionHadExpired } from '../api/session';
import { Loading, ProblemNotice } from '../layout/states';
import { DevSignInForm } from './dev-sign-in-form';

/**
 * The sign-in page of every deployment: the server says how (GET /api/v1/sign-in/config) — at the
 * OpenID provider, or with the development form, which production does not have.
 */
export function SignIn() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const config = useQuery({
    queryKey: ['sign-in-config'],
    queryFn: () => unwrap(api.GET('/api/v1/sign-in/config')),
    staleTime: Infinity,
  });
  const returnTo = params.get('returnTo') ?? '/';
  const expired = sessionHadExpired();
  const method = config.data?.method;
  return (
    <article className="ikz-page ikz-sign-in" aria-labelledby="page-title" data-sign-in={method}>
      <h1 className="kern-heading-large" id="page-title">
        {method === 'development' ? t('signIn.title') : t('signIn.titleOidc')}
      </h1>
      {expired && (
        <div className="kern-alert kern-alert--warning" role="alert">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <span className="kern-title">{t('signIn.expired')}</span>
          </div>
        </div>
      )}
      {!expired && params.has('signedOut') && (
        <div className="kern-alert kern-alert--success" role="status" data-signed-out>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <span className="kern-title">{t('signIn.signedOut')}</span>
          </div>
        </div>
      )}
      {config.isPending && <Loading text={t('signIn.loading')} />}
      {config.error && <ProblemNotice error={config.error} onRetry={() => void config.refetch()} />}
      {method === 'development' && <DevSignInForm returnTo={returnTo} />}
      {method === 'oidc' && <OidcSignIn config={config.data as OidcConfig} returnTo={returnTo} />}
      {method === 'none' && <p className="kern-body">{t('signIn.none')}</p>}
    </article>
  );
}

/** One button: the provider's own page asks for the credentials (and may skip that while its session lasts). */
function OidcSignIn({ config, returnTo }: { config: OidcConfig; returnTo: string }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      await (await import('../api/oidc')).startSignIn(config, returnTo);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  }
  return (
    <>
      <p className="kern-body">{t('signIn.oidcIntro', { provider: new URL(config.issuer).host })}</p>
      {problem && (
        <p className="kern-error" role="alert" id="sign-in-problem">
          {t('signIn.oidcUnavailable', { detail: problem })}
        </p>
      )}
      <div className="kern-btn-wrapper ikz-actions">
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          data-oidc-sign-in
          aria-describedby={problem ? 'sign-in-problem' : undefined}
          disabled={busy}
          onClick={() => void start()}
        >
          <span className="kern-icon kern-icon--arrow-forward kern-icon--small" aria-hidden="true" />
          <span className="kern-label">{t('signIn.oidcSubmit')}</span>
        </button>
      </div>
    </>
  );
}

/** Where the provider sends the browser back: the code becomes tokens, then the user goes on where they were. */
export function SignInCallback() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  // The code is good for one exchange only: React's development double effect must not spend it twice.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    import('../api/oidc')
      .then((oidc) => oidc.completeSignIn(new URL(window.location.href)))
      .then((returnTo) => {
        clearExpired();
        void navigate(returnTo, { replace: true });
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, [navigate]);
  return (
    <article className="ikz-page ikz-sign-in" aria-labelledby="page-title">
      <h1 className="kern-heading-large" id="page-title">
        {t('signIn.titleOidc')}
      </h1>
      {problem ? (
        <div className="kern-alert kern-alert--danger" role="alert" data-sign-in-failed>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-title">{t('signIn.callbackFailed', { detail: problem })}</span>
          </div>
          <div className="kern-alert__body">
            <Link className="kern-link" to="/sign-in">
              {t('signIn.again')}
            </Link>
          </div>
        </div>
      ) : (
        <Loading text={t('signIn.completing')} />
      )}
    </article>
  );
}
