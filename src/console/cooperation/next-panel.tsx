import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, ProblemNotice } from '../layout/states';
import { eventName } from './event-names';
import { ObligationChecklist } from './obligation-checklist';
import { useNextEvents } from './queries';

/**
 * "What next": every event the user could send — a link to its form when allowed, otherwise the
 * checklist of what is still to be done. Steps of other participants are folded away.
 */
export function NextPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const next = useNextEvents(id);
  if (next.isPending) return <Loading text={t('coop.loading')} />;
  if (next.isError) return <ProblemNotice error={next.error} onRetry={() => void next.refetch()} />;
  const events = next.data.events;
  const allowed = events.filter((e) => e.allowed);
  const unmet = events.filter((e) => e.reason === 'obligations-unmet');
  const others = events.filter((e) => !e.allowed && e.reason !== 'obligations-unmet');
  return (
    <section className="kern-card ikz-next" aria-labelledby="next-title" data-next-panel>
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-heading-medium" id="next-title">
            {t('next.title')}
          </h2>
          <p className="kern-body">{t('next.intro')}</p>
        </header>
        <div className="kern-card__body">
          {allowed.length === 0 && unmet.length === 0 && <p className="kern-body">{t('next.none')}</p>}
          {allowed.length > 0 && (
            <ul className="ikz-next-actions">
              {allowed.map((e) => (
                <li key={e.type}>
                  <Link
                    className="kern-btn kern-btn--primary"
                    to={`/cooperations/${id}/events/${e.type}`}
                    data-event={e.type}
                  >
                    <span className="kern-label">{eventName(e.type)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {unmet.map((e) => (
            <div key={e.type} data-blocked={e.type}>
              <ObligationChecklist
                obligations={e.obligations ?? []}
                heading={t('next.checklistIntro', { event: eventName(e.type) })}
              />
            </div>
          ))}
          {others.length > 0 && (
            <details className="ikz-others">
              <summary className="kern-body">{t('next.others')}</summary>
              <ul className="kern-list">
                {others.map((e) => (
                  <li key={e.type} className="kern-body kern-body--small">
                    {eventName(e.type)}: {e.detail ?? t('next.invalid')}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
    </section>
  );
}
