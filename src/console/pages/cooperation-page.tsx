import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import { readSession } from '../api/session';
import { DocumentsPanel } from '../cooperation/documents-panel';
import { eventName } from '../cooperation/event-names';
import { LifecycleDiagram } from '../cooperation/lifecycle-diagram';
import { NextPanel } from '../cooperation/next-panel';
import { useCooperation } from '../cooperation/queries';
import { ReportsPanel } from '../cooperation/reports-panel';
import { formatInstant, phaseOf } from '../format';
import { Loading, ProblemNotice } from '../layout/states';

type Contact = {
  name: string;
  email?: string;
  position: string;
  municipality: string;
  personRef?: string;
  erased?: boolean;
};
type Context = {
  contacts?: Record<string, Contact>;
  contract?: { versions?: { legalForm?: string; variant?: string }[]; supervisoryStep?: { authority?: string } | null };
};

type AuthorityRef = { names: { de: string; en: string } };
/** The supervisory authority the legal rules derive (GET /cooperations/{id}, `competentAuthority`). */
type Derived = { authority?: AuthorityRef; proposed?: AuthorityRef; basis?: string; designationRequired: boolean };

/** One cooperation: facts, members, the lifecycle diagram and "what next"; evidence and reports as tabs. */
export function CooperationPage({ tab }: { tab: 'overview' | 'documents' | 'reports' }) {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const cooperation = useCooperation(id);
  if (cooperation.isPending) return <Loading text={t('coop.loading')} />;
  if (cooperation.isError) {
    return <ProblemNotice error={cooperation.error} onRetry={() => void cooperation.refetch()} />;
  }
  const coop = cooperation.data;
  const context = coop.context as Context;
  const contract = context.contract?.versions?.at(-1);
  const derived = (coop as { competentAuthority?: Derived | null }).competentAuthority;
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const derivedName = (derived?.authority ?? derived?.proposed)?.names[lang];
  const authority = derivedName
    ? [
        derivedName,
        derived?.basis && `(${derived.basis})`,
        derived?.designationRequired && t('coop.designationRequired'),
      ]
        .filter(Boolean)
        .join(' ')
    : undefined;
  const recorded = context.contract?.supervisoryStep?.authority;
  const phase = phaseOf(coop.state);
  const phaseLabel = t(`phases.${phase}`, { defaultValue: phase });
  const session = readSession();
  const takesPart = coop.members.some((m) => m.ags === session?.municipality && m.status === 'active');
  const accepted = (location.state as { accepted?: string } | null)?.accepted;

  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <p>
        <Link className="kern-link" to="/">
          <span className="kern-icon kern-icon--arrow-back kern-icon--small" aria-hidden="true" /> {t('coop.back')}
        </Link>
      </p>
      {accepted && (
        <div className="kern-alert kern-alert--success" role="status">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <span className="kern-title">{t('form.accepted', { event: eventName(accepted) })}</span>
          </div>
        </div>
      )}
      <hgroup className="kern-hgroup">
        <h1 className="kern-heading-large" id="page-title">
          {coop.title}
        </h1>
        <p className="kern-subline" data-phase={phase}>
          {t('coop.phase')}: {phaseLabel} · {t('coop.version')} {coop.version}
        </p>
      </hgroup>
      <nav aria-label={t('coop.tabs')} className="ikz-tabs">
        <NavLink end className="kern-link" to={`/cooperations/${id}`}>
          {t('coop.overview')}
        </NavLink>
        <NavLink className="kern-link" to={`/cooperations/${id}/documents`}>
          {t('coop.documents')}
        </NavLink>
        <NavLink className="kern-link" to={`/cooperations/${id}/success`}>
          {t('coop.success')}
        </NavLink>
        <NavLink className="kern-link" to={`/cooperations/${id}/interests`}>
          {t('coop.partnerSearch')}
        </NavLink>
        <NavLink className="kern-link" to={`/cooperations/${id}/reports`}>
          {t('coop.reports')}
        </NavLink>
      </nav>
      {tab === 'documents' && <DocumentsPanel id={id} canUpload={session?.role === 'coordinator' && takesPart} />}
      {tab === 'reports' && <ReportsPanel id={id} />}
      {tab === 'overview' && (
        <div className="ikz-overview">
          <div className="ikz-overview__main">
            <NextPanel id={id} />
          </div>
          <div className="ikz-overview__side">
            <section aria-labelledby="facts-title" className="kern-card">
              <div className="kern-card__container">
                <h2 className="kern-heading-small" id="facts-title">
                  {coop.fieldOfWork}
                </h2>
                <dl className="kern-description-list">
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">{t('coop.fieldOfWork')}</dt>
                    <dd className="kern-description-list-item__value">{coop.fieldOfWork}</dd>
                  </div>
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">{t('coop.legalForm')}</dt>
                    <dd className="kern-description-list-item__value" data-legal-form>
                      {contract?.legalForm
                        ? `${contract.legalForm}${contract.variant ? ` (${contract.variant})` : ''}`
                        : t('coop.notYet')}
                    </dd>
                  </div>
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">{t('coop.authority')}</dt>
                    <dd className="kern-description-list-item__value" data-authority>
                      {authority ??
                        (recorded ? t('coop.authorityRecorded', { authority: recorded }) : t('coop.notYet'))}
                    </dd>
                  </div>
                  <div className="kern-description-list-item">
                    <dt className="kern-description-list-item__key">{t('coop.version')}</dt>
                    <dd className="kern-description-list-item__value">
                      {coop.version} · {formatInstant(coop.updatedAt)}
                    </dd>
                  </div>
                </dl>
              </div>
            </section>
            <section aria-labelledby="members-title" className="ikz-section">
              <h2 className="kern-heading-small" id="members-title">
                {t('coop.members')}
              </h2>
              <ul className="ikz-members">
                {coop.members.map((m) => {
                  const contact = context.contacts?.[m.ags];
                  return (
                    <li key={m.ags} className="kern-card kern-card--small" data-member={m.ags}>
                      <div className="kern-card__container">
                        <p className="kern-body kern-body--bold">
                          {m.name} <span className="kern-body--muted">({m.ags})</span>
                        </p>
                        <p className="kern-body kern-body--small">
                          {t(`memberRole.${m.role}`)} · <span data-member-status>{t(`memberStatus.${m.status}`)}</span>
                        </p>
                        <p className="kern-body kern-body--small">
                          {t('coop.contact')}:{' '}
                          {contact ? (
                            <>
                              {contact.name}, {contact.position}
                              {contact.email && (
                                <>
                                  {' '}
                                  ·{' '}
                                  <a className="kern-link" href={`mailto:${contact.email}`}>
                                    {contact.email}
                                  </a>
                                </>
                              )}
                            </>
                          ) : (
                            t('coop.noContact')
                          )}
                        </p>
                        {session?.role === 'admin' && contact?.personRef && !contact.erased && (
                          <p className="kern-body kern-body--small">
                            <Link
                              className="kern-link"
                              to={`/admin/personal-data/${contact.personRef}`}
                              data-erase-link
                            >
                              {t('coop.personalData')}
                              <span className="kern-sr-only"> ({m.name})</span>
                            </Link>
                          </p>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          </div>
          {/* The whole row: in a column of the grid the diagram's labels were too small to read. */}
          <div className="ikz-overview__wide">
            <LifecycleDiagram state={coop.state} stateLabel={`${phaseLabel} (${coop.state})`} />
          </div>
        </div>
      )}
    </article>
  );
}
