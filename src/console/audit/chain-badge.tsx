import { useTranslation } from 'react-i18next';
import type { ChainVerification } from './browser-verification';

type Result = Pick<ChainVerification, 'valid' | 'entries'> & {
  headHash?: string;
  firstBrokenSequence?: number;
  reason?: string;
};

/** "valid, 1 234 entries, head …" or "broken at #n: reason" — in words and icon, not by colour alone. */
export function ChainBadge({ source, result }: { source: 'server' | 'browser'; result: Result | undefined }) {
  const { t, i18n } = useTranslation();
  const label = t(`audit.source.${source}`);
  if (!result) {
    return (
      <p className="kern-body" data-chain={source} data-chain-state="pending">
        {label}: {t('audit.checking')}
      </p>
    );
  }
  const entries = new Intl.NumberFormat(i18n.language).format(result.entries);
  const text = result.valid
    ? t('audit.valid', { entries, head: `${result.headHash?.slice(0, 12)}…` })
    : t('audit.broken', {
        sequence: result.firstBrokenSequence,
        // The server's reasons are English; the known ones are said in the user's language.
        reason: t(`audit.reasons.${result.reason}`, { defaultValue: result.reason }),
      });
  return (
    <p
      className="kern-body"
      data-chain={source}
      data-chain-state={result.valid ? 'valid' : 'broken'}
      data-broken-at={result.firstBrokenSequence}
    >
      <span className={`kern-badge ${result.valid ? 'kern-badge--success' : 'kern-badge--danger'}`}>
        <span
          className={`kern-icon kern-icon--${result.valid ? 'success' : 'danger'} kern-icon--small`}
          aria-hidden="true"
        />
        <span className="kern-label kern-label--small">{label}</span>
      </span>{' '}
      <span data-chain-text>{text}</span>
      {result.valid && result.headHash && (
        <code className="ikz-hash ikz-hash--block" title={t('audit.headHash')}>
          {result.headHash}
        </code>
      )}
    </p>
  );
}

/** Whether the server's and the browser's verification say the same (valid, entries, head or break). */
export function agree(a: Result, b: Result): boolean {
  return a.valid
    ? b.valid && a.entries === b.entries && a.headHash === b.headHash
    : !b.valid && a.firstBrokenSequence === b.firstBrokenSequence && a.reason === b.reason;
}
