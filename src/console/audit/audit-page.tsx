import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../layout/controls';

/** The frame of an audit page below the feed: the way back to the feed, the title, the content. */
export function AuditSubpage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <BackLink to="/audit">{t('audit.backToFeed')}</BackLink>
      <h1 className="kern-heading-large" id="page-title">
        {title}
      </h1>
      {children}
    </article>
  );
}
