import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';

/** A loading state that says what is loading (announced politely to screen readers). */
export function Loading({ text }: { text: string }) {
  return (
    <div className="ikz-loading" role="status" aria-live="polite">
      <span className="kern-loader kern-loader--visible" aria-hidden="true" />
      <span className="kern-body">{text}</span>
    </div>
  );
}

export function ProblemNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ProblemError ? error.problem.status : undefined;
  const detail =
    status === 404
      ? t('errors.notFound')
      : t('errors.generic', { detail: error instanceof Error ? error.message : String(error) });
  return (
    <div className="kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <span className="kern-title">{detail}</span>
      </div>
      {onRetry && (
        <div className="kern-alert__body">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onRetry}>
            <span className="kern-label">{t('errors.retry')}</span>
          </button>
        </div>
      )}
    </div>
  );
}

/** An empty state that says what to do next. */
export function Empty({ text, children }: { text: string; children?: React.ReactNode }) {
  return (
    <div className="kern-alert kern-alert--info ikz-empty">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--info" aria-hidden="true" />
        <span className="kern-title">{text}</span>
      </div>
      {children && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}
