import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatInstant } from '../format';
import { Loading, ProblemNotice } from '../layout/states';
import { DecisionPanel } from './decision-panel';
import { useEscalationCase } from './queries';
import { BackLink } from '../layout/controls';

type Actor = { sub: string; role: string; municipality?: string | null };

/** One escalation case: its facts, its steps as a timeline, and the decision when the user may act. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const query = useEscalationCase(caseId);
  if (query.isPending) return <Loading text={t('board.loading')} />;
  if (query.isError) return <ProblemNotice error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const facts: [string, React.ReactNode][] = [
    [
      t('board.cooperation'),
      <Link className="kern-link" to={`/cooperations/${c.cooperationId}`}>
        {c.cooperationTitle}
      </Link>,
    ],
    [t('board.parties'), c.parties.join(', ')],
    [t('board.statusLabel'), <span data-case-status={c.status}>{t(`board.statuses.${c.status}`)}</span>],
    [t('board.level'), <span data-case-level={c.level}>{`${c.levelName} · ${c.body}`}</span>],
    [
      t('board.deadline'),
      <>
        {formatDate(c.deadlineOn)}
        {c.overdue && c.status === 'open' && ` – ${t('board.overdue')}`}
      </>,
    ],
  ];
  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <BackLink to="/escalations">{t('board.backToQueue')}</BackLink>
      <hgroup className="kern-hgroup">
        <h1 className="kern-heading-large" id="page-title">
          {t('board.caseNumber', { number: c.number })}: {c.subject}
        </h1>
        <p className="kern-subline">{c.cooperationTitle}</p>
      </hgroup>
      <dl className="kern-description-list">
        {facts.map(([key, value]) => (
          <div className="kern-description-list-item" key={key}>
            <dt className="kern-description-list-item__key">{key}</dt>
            <dd className="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="kern-body">{c.description}</p>
      {c.decision && (
        <p className="kern-body" data-case-decision>
          <strong>{t('board.decisionText')}:</strong> {c.decision}
        </p>
      )}
      <section aria-labelledby="steps-title">
        <h2 className="kern-heading-medium" id="steps-title">
          {t('board.steps')}
        </h2>
        <ol className="ikz-timeline" data-steps>
          {c.steps.map((s, i) => {
            const by = s.by as Actor;
            return (
              <li key={i} className="ikz-timeline__item" data-step={s.action}>
                <p className="kern-body kern-body--bold">
                  {t(`board.actions.${s.action}`, { defaultValue: s.action })}
                </p>
                <p className="kern-body kern-body--small">
                  {formatInstant(s.at)} · {t('board.levelN', { level: s.level })} ·{' '}
                  {by.role === 'system'
                    ? t('board.system')
                    : `${by.sub}${by.municipality ? ` (${by.municipality})` : ''}`}
                </p>
                {s.text && <p className="kern-body">{s.text}</p>}
              </li>
            );
          })}
        </ol>
      </section>
      {c.status === 'open' &&
        (c.mayAct ? (
          <DecisionPanel key={`${c.caseId}.${c.level}`} entry={c} />
        ) : (
          <p className="kern-body">{t('board.readOnly')}</p>
        ))}
    </article>
  );
}
