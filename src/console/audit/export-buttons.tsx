import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadExport, type ExportFormat } from './queries';

/** NDJSON (docs/hash-chain.md, for scripts/verify-chain.js) and CSV downloads of the given filter. */
export function ExportButtons({ filters, name }: { filters: Record<string, string>; name: string }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (format: ExportFormat) =>
    downloadExport(filters, format, name).then(
      () => setProblem(null),
      (error: Error) => setProblem(error.message),
    );
  return (
    <div className="ikz-actions" role="group" aria-label={t('audit.export')}>
      {(['ndjson', 'csv'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => void run(format)}
          data-export={format}
        >
          <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
          <span className="kern-label">{t(`audit.exportAs.${format}`)}</span>
        </button>
      ))}
      {problem && (
        <p className="kern-error" role="alert">
          {t('errors.generic', { detail: problem })}
        </p>
      )}
    </div>
  );
}
