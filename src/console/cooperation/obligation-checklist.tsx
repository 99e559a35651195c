import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';

/**
 * Unmet obligations as a to-do list (KERN task list), not as an error: the obligation's text,
 * what exactly is missing, the FAQ paragraph and the legal basis.
 */
export function ObligationChecklist({
  obligations,
  heading,
}: {
  obligations: Schemas['UnmetObligationDto'][];
  heading: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="kern-task-list ikz-checklist">
      <p className="kern-body kern-body--bold">{heading}</p>
      <ul className="kern-task-list__list">
        {obligations.map((o) => (
          <li className="kern-task-list__item" key={o.id} data-obligation={o.id}>
            <div className="kern-task-list__content-wrapper">
              <div className="kern-task-list__title">
                <span className="kern-icon kern-icon--checklist kern-icon--small" aria-hidden="true" />{' '}
                <span className="kern-body">{o.message}</span>
              </div>
              <dl className="ikz-obligation-facts kern-body kern-body--small">
                <dt>{t('next.missing')}</dt>
                <dd>{o.missing.length ? o.missing.join(', ') : '–'}</dd>
                <dt>{t('next.faq')}</dt>
                <dd>{o.citation}</dd>
                {o.legalBasis && (
                  <>
                    <dt>{t('next.legalBasis')}</dt>
                    <dd>{o.legalBasis}</dd>
                  </>
                )}
                <dt>{t('next.satisfiedBy')}</dt>
                <dd>
                  <code>{o.satisfiedBy}</code> <span className="kern-body--muted">({o.id})</span>
                </dd>
              </dl>
            </div>
            <div className="kern-task-list__status">
              <span className="kern-badge kern-badge--warning">
                <span className="kern-label kern-label--small">{t('next.open_item')}</span>
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
