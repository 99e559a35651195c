import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { eventName } from '../cooperation/event-names';
import { useCooperation, useDocuments } from '../cooperation/queries';
import { formatInstant } from '../format';
import { Loading, ProblemNotice } from '../layout/states';
import { verifyInBrowser, type HistoryEntry } from './browser-verification';
import { agree, ChainBadge } from './chain-badge';
import { ExportButtons } from './export-buttons';
import { auditKey, useFullHistory, useServerVerification } from './queries';
import { AuditSubpage } from './audit-page';

type Evaluated = { id: string; met: boolean; missing?: string[] };
type DocumentRef = { id: string; sha256: string };

/**
 * A cooperation's history for auditors: the chain's status as the server computes it and as this
 * browser recomputes it (and whether both agree), then every entry as a timeline.
 */
export function HistoryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const cooperation = useCooperation(id);
  const history = useFullHistory(id);
  const server = useServerVerification(id);
  const documents = useDocuments(id);
  const browser = useQuery({
    queryKey: [...auditKey, 'browser-verify', id, history.dataUpdatedAt],
    enabled: !!history.data,
    queryFn: () => verifyInBrowser(history.data!),
  });
  if (history.isPending) return <Loading text={t('audit.loading')} />;
  if (history.isError) return <ProblemNotice error={history.error} onRetry={() => void history.refetch()} />;
  const title = cooperation.data?.title ?? id;
  const names = new Map((documents.data?.items ?? []).map((d) => [d.id, d.fileName ?? d.id]));
  return (
    <AuditSubpage title={t('audit.historyTitle', { title })}>
      <section aria-labelledby="chain-title" className="kern-card" data-chain-status>
        <div className="kern-card__container">
          <h2 className="kern-heading-medium" id="chain-title">
            {t('audit.chainTitle')}
          </h2>
          <p className="kern-body">{t('audit.chainIntro')}</p>
          {server.isError ? (
            <ProblemNotice error={server.error} />
          ) : (
            <ChainBadge source="server" result={server.data} />
          )}
          <ChainBadge source="browser" result={browser.data} />
          {server.data && browser.data && (
            <p className="kern-body kern-body--bold" data-agree={agree(server.data, browser.data)} role="status">
              {agree(server.data, browser.data) ? t('audit.agree') : t('audit.disagree')}
            </p>
          )}
          <ExportButtons filters={{ cooperation: id }} name={`historie-${id}`} />
        </div>
      </section>
      <section aria-labelledby="timeline-title">
        <h2 className="kern-heading-medium" id="timeline-title">
          {t('audit.timeline')}
        </h2>
        <ol className="ikz-timeline">
          {history.data.map((e) => (
            <TimelineEntry
              key={e.sequence}
              entry={e}
              names={names}
              broken={[server.data, browser.data].some((r) => r && !r.valid && r.firstBrokenSequence === e.sequence)}
            />
          ))}
        </ol>
      </section>
    </AuditSubpage>
  );
}

function TimelineEntry({
  entry: e,
  names,
  broken,
}: {
  entry: HistoryEntry;
  names: Map<string, string>;
  broken: boolean;
}) {
  const { t } = useTranslation();
  const { documents, ...payload } = (e.payload ?? {}) as { documents?: DocumentRef[] } & Record<string, unknown>;
  const obligations = e.obligations as Evaluated[];
  return (
    <li className={`ikz-timeline__item${broken ? ' ikz-timeline__item--broken' : ''}`} data-sequence={e.sequence}>
      <h3 className="kern-heading-small">
        #{e.sequence} {eventName(e.eventType)} <span className="kern-body--muted">({e.eventType})</span>
      </h3>
      {broken && (
        <p className="kern-badge kern-badge--danger" data-broken-entry>
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-label kern-label--small">{t('audit.brokenHere')}</span>
        </p>
      )}
      <p className="kern-body kern-body--small">
        {formatInstant(e.recordedAt)} · {e.actor.sub} ({t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })}
        {e.actor.municipality ? `, ${e.actor.municipality}` : ''})
      </p>
      <dl className="ikz-obligation-facts">
        <dt>{t('audit.state')}</dt>
        <dd>
          {e.stateBefore ?? '–'} → {e.stateAfter}
        </dd>
        <dt>{t('audit.changed')}</dt>
        <dd>
          <details>
            <summary className="kern-link">{t('audit.showPayload', { count: Object.keys(payload).length })}</summary>
            <code className="ikz-payload" data-payload>
              {JSON.stringify(payload, null, 1)}
            </code>
          </details>
        </dd>
        {obligations.length > 0 && (
          <>
            <dt>{t('audit.obligations')}</dt>
            <dd>
              <ul className="kern-list kern-list--small">
                {obligations.map((o) => (
                  <li key={o.id}>
                    {o.id}: {o.met ? t('audit.met') : `${t('audit.unmet')} (${(o.missing ?? []).join(', ')})`}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {documents && documents.length > 0 && (
          <>
            <dt>{t('audit.documents')}</dt>
            <dd>
              <ul className="kern-list kern-list--small">
                {documents.map((d) => (
                  <li key={d.id}>
                    {names.get(d.id) ?? d.id}: <code className="ikz-hash">{d.sha256}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('audit.hash')}</dt>
        <dd>
          <code className="ikz-hash">{e.hash}</code>
        </dd>
      </dl>
    </li>
  );
}
