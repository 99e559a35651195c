import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "← back to …" above a page's title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link className="kern-link" to={to}>
        <span className="kern-icon kern-icon--arrow-back kern-icon--small" aria-hidden="true" /> {children}
      </Link>
    </p>
  );
}

/** The submit button of a filter form. */
export function FilterButton() {
  const { t } = useTranslation();
  return (
    <button type="submit" className="kern-btn kern-btn--secondary">
      <span className="kern-icon kern-icon--search kern-icon--small" aria-hidden="true" />
      <span className="kern-label">{t('list.apply')}</span>
    </button>
  );
}

/**
 * The end of a form whose action cannot be undone: first "continue to confirmation" (the form's
 * submit, which checks the input), then a box that says what will happen, with confirm and back.
 */
export function ConfirmedSubmit({
  open,
  consequence,
  confirmLabel,
  onConfirm,
  onBack,
  busy = false,
}: {
  open: boolean;
  consequence: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onBack: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  if (!open) {
    return (
      <div className="ikz-actions">
        <button type="submit" className="kern-btn kern-btn--primary" data-review>
          <span className="kern-label">{t('board.review')}</span>
        </button>
      </div>
    );
  }
  return (
    <div className="kern-alert kern-alert--warning" role="alertdialog" aria-labelledby="confirm-title">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <span className="kern-title" id="confirm-title">
          {t('board.confirmTitle')}
        </span>
      </div>
      <div className="kern-alert__body">
        <div data-consequence>{consequence}</div>
        <div className="ikz-actions">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            onClick={onConfirm}
            aria-disabled={busy}
            data-confirm
            autoFocus
          >
            <span className="kern-label">{confirmLabel}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onBack}>
            <span className="kern-label">{t('board.back')}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
