import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { readSession, subscribeSession, writeSession, type Session } from '../api/session';
import { setLanguage } from '../i18n';

/** Navigation by role; part 2 adds the steering board's, the auditors' and the admins' pages here. */
const NAV: { to: string; key: string; roles: Session['role'][] }[] = [
  { to: '/', key: 'nav.cooperations', roles: ['coordinator', 'steering-board', 'auditor', 'admin'] },
  { to: '/cooperations/new', key: 'nav.open', roles: ['coordinator'] },
  { to: '/escalations', key: 'nav.escalations', roles: ['steering-board'] },
  { to: '/audit', key: 'nav.audit', roles: ['auditor', 'admin'] },
  { to: '/admin', key: 'nav.admin', roles: ['admin'] },
];

const sessionSnapshot = () => sessionStorage.getItem('ikz.session');
export const useSession = (): Session | null => {
  useSyncExternalStore(subscribeSession, sessionSnapshot);
  return readSession();
};

/**
 * Signed in at the OpenID provider (an ID token): signed out there too when it offers that, which
 * brings the browser back to the sign-in page; else here only.
 */
async function signOut(session: Session, navigate: (to: string) => unknown): Promise<void> {
  if (session.idToken && (await (await import('../api/oidc')).signOut())) return;
  writeSession(null);
  void navigate('/sign-in?signedOut=1');
}

/** The page frame: KERN's Kopfzeile, header with the user and language, navigation, main content. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  return (
    <>
      <a className="kern-link ikz-skip" href="#main">
        {t('app.skip')}
      </a>
      <div className="kern-kopfzeile">
        <div className="kern-container">
          <div className="kern-kopfzeile__content">
            <span className="kern-kopfzeile__flagge" aria-hidden="true" />
            <span className="kern-kopfzeile__label">{t('header.flag')}</span>
          </div>
        </div>
      </div>
      <header className="ikz-header">
        <div className="kern-container ikz-header__inner">
          <div>
            <p className="kern-title kern-title--large ikz-brand">{t('app.name')}</p>
            <p className="kern-body kern-body--small">{t('app.tagline')}</p>
          </div>
          <div className="ikz-header__tools">
            <div className="ikz-language" role="group" aria-label={t('nav.language')}>
              {(['de', 'en'] as const).map((lng) => (
                <button
                  key={lng}
                  type="button"
                  lang={lng}
                  className={`kern-btn kern-btn--x-small ${i18n.language === lng ? 'kern-btn--primary' : 'kern-btn--tertiary'}`}
                  aria-pressed={i18n.language === lng}
                  onClick={() => setLanguage(lng)}
                >
                  <span className="kern-label">{lng === 'de' ? 'Deutsch' : 'English'}</span>
                </button>
              ))}
            </div>
            {session && (
              <>
                <p className="kern-body kern-body--small" data-signed-in={session.sub}>
                  {t('nav.signedInAs', {
                    sub: session.sub,
                    role: t(`roles.${session.role}`),
                    municipality: session.municipalityName ? `, ${session.municipalityName}` : '',
                  })}
                </p>
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary kern-btn--x-small"
                  onClick={() => void signOut(session, navigate)}
                >
                  <span className="kern-icon kern-icon--logout kern-icon--small" aria-hidden="true" />
                  <span className="kern-label">{t('nav.signOut')}</span>
                </button>
              </>
            )}
          </div>
        </div>
        {session && (
          <nav className="kern-container ikz-nav" aria-label={t('nav.label')}>
            <ul>
              {NAV.filter((item) => item.roles.includes(session.role)).map((item) => (
                <li key={item.to}>
                  <NavLink end className="kern-link" to={item.to}>
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="kern-container ikz-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function PartTwo() {
  const { t } = useTranslation();
  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <h1 className="kern-heading-large" id="page-title">
        {t('part2.title')}
      </h1>
      <p className="kern-body">{t('part2.text')}</p>
    </article>
  );
}
