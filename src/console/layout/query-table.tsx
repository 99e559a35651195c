import type { ReactNode } from 'react';
import { Empty, Loading, ProblemNotice } from './states';

/** What a table needs of a react-query result (plain and infinite queries alike). */
interface TableQuery<D> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: D;
  refetch?: () => unknown;
}

/**
 * A KERN table fed by a query: loading, problem (with retry) and empty states that say what to
 * do, otherwise the rows under a caption for screen readers and column headers.
 */
export function QueryTable<D, R>({
  query,
  rows,
  loading,
  empty,
  emptyAction,
  caption,
  headers,
  small = false,
  children,
}: {
  query: TableQuery<D>;
  rows: (data: D) => R[];
  loading: string;
  empty: string;
  emptyAction?: ReactNode;
  caption: string;
  headers: ReactNode[];
  small?: boolean;
  children: (row: R, index: number) => ReactNode;
}) {
  if (query.isPending) return <Loading text={loading} />;
  if (query.isError || query.data === undefined) {
    const refetch = query.refetch;
    return <ProblemNotice error={query.error} onRetry={refetch && (() => void refetch())} />;
  }
  const items = rows(query.data);
  if (items.length === 0) return <Empty text={empty}>{emptyAction}</Empty>;
  return (
    <div className="kern-table-responsive">
      <table className={`kern-table${small ? ' kern-table--small' : ''}`}>
        <caption className="kern-sr-only">{caption}</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            {headers.map((header, i) => (
              <th className="kern-table__header" scope="col" key={i}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">{items.map(children)}</tbody>
      </table>
    </div>
  );
}
