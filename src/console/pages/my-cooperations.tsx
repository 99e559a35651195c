import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { readSession } from '../api/session';
import { eventName } from '../cooperation/event-names';
import { useNextEvents, useReports } from '../cooperation/queries';
import { formatDate, phaseOf } from '../format';
import { QueryTable } from '../layout/query-table';
import { FilterButton } from '../layout/controls';

const PHASES = [
  'partnerSearch',
  'letterOfIntent',
  'planning',
  'contract',
  'active',
  'dissolving',
  'dissolved',
  'abandoned',
] as const;
type Phase = (typeof PHASES)[number];
const isPhase = (value: string): value is Phase => (PHASES as readonly string[]).includes(value);
const PAGE_SIZE = 20;

/** "My cooperations": phase, my municipality's role, what blocks the next step, the next deadline. */
export function MyCooperations() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('state') ?? '';
  const state = isPhase(requested) ? requested : '';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const list = useInfiniteQuery({
    queryKey: ['cooperations', state, q],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Schemas['CooperationPage']) => page.next ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/cooperations', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(state && { state }),
              ...(q && { q }),
              ...(pageParam && { cursor: pageParam }),
            },
          },
        }),
      ),
  });

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const phase = (new FormData(event.currentTarget).get('state') as string | null) ?? '';
    setParams({ ...(phase && { state: phase }), ...(text && { q: text }) });
  }

  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <h1 className="kern-heading-large" id="page-title">
        {t('list.title')}
      </h1>
      <p className="kern-body">{t('list.intro')}</p>
      <form className="ikz-filter" onSubmit={onFilter} role="search">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="filter-state">
            {t('list.filterPhase')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select className="kern-form-input__select" id="filter-state" name="state" defaultValue={state}>
              <option value="">{t('list.allPhases')}</option>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {t(`phases.${p}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="filter-q">
            {t('list.filterText')}
          </label>
          <input
            className="kern-form-input__input"
            id="filter-q"
            name="q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <FilterButton />
      </form>
      <QueryTable
        query={list}
        rows={(data) => data.pages.flatMap((page) => page.items)}
        loading={t('coop.loading')}
        empty={t('list.empty')}
        emptyAction={
          readSession()?.role === 'coordinator' && (
            <Link className="kern-btn kern-btn--primary" to="/cooperations/new">
              <span className="kern-label">{t('list.emptyAction')}</span>
            </Link>
          )
        }
        caption={t('list.caption')}
        headers={[t('coop.fieldOfWork'), t('list.phase'), t('list.myRole'), t('list.blocks'), t('list.deadline')]}
      >
        {(c) => <Row key={c.id} cooperation={c} />}
      </QueryTable>
      {list.hasNextPage && (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => void list.fetchNextPage()}
          aria-disabled={list.isFetchingNextPage}
        >
          <span className="kern-label">{t('list.more')}</span>
        </button>
      )}
    </article>
  );
}

function Row({ cooperation: c }: { cooperation: Schemas['CooperationSummaryDto'] }) {
  const { t } = useTranslation();
  const me = readSession()?.municipality;
  const member = c.members.find((m) => m.ags === me);
  const phase = phaseOf(c.state);
  const next = useNextEvents(c.id);
  const reports = useReports(c.id);
  // The phase's exit is the guarded event whose checklist says what is still to be done.
  const blocked = next.data?.events.filter((e) => e.reason === 'obligations-unmet') ?? [];
  const deadline = reports.data?.periods.find(
    (p) => p.status === 'due' || p.status === 'overdue' || p.status === 'upcoming',
  );
  return (
    <tr className="kern-table__row" data-cooperation={c.id}>
      <td className="kern-table__cell">
        <Link className="kern-link" to={`/cooperations/${c.id}`}>
          {c.title}
        </Link>
        <div className="kern-body kern-body--small">{c.fieldOfWork}</div>
      </td>
      <td className="kern-table__cell">{t(`phases.${phase}`, { defaultValue: phase })}</td>
      <td className="kern-table__cell">
        {member ? `${t(`memberRole.${member.role}`)} (${t(`memberStatus.${member.status}`)})` : t('memberRole.none')}
      </td>
      <td className="kern-table__cell">
        {next.isPending ? (
          '…'
        ) : blocked.length === 0 ? (
          t('list.nothingBlocks')
        ) : (
          <ul className="kern-list kern-list--small">
            {blocked.map((e) => (
              <li key={e.type}>
                {eventName(e.type)}: {(e.obligations ?? []).map((o) => `${o.id} ${o.citation}`).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="kern-table__cell">
        {deadline
          ? `${deadline.period}: ${formatDate(deadline.dueOn)} (${t(`reports.statuses.${deadline.status}`)})`
          : t('list.noDeadline')}
      </td>
    </tr>
  );
}
