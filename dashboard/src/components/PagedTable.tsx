import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { query, type Page } from '../api/client';
import { Pager, useBackToLastPage } from './controls';
import { Async, useApi } from './state';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/**
 * One page of a list API as a table: loading, empty and error states, and the pager. The filters are the
 * caller's (`params`); a change of filter goes back to the first page. After an action changed the list, a new
 * `version` reloads the page shown and keeps its rows meanwhile; a new `key` instead starts again from the first page.
 * A page that came back empty (its last rows gone) gives way to the last page the list still has.
 */
export function PagedTable<T>({
  path,
  params = {},
  columns,
  rowKey,
  empty,
  limit = 20,
  pollMs,
  label,
  version = 0,
}: {
  path: string;
  params?: Record<string, string | number | undefined | null>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  empty: ReactNode;
  limit?: number;
  pollMs?: number;
  /** The table's accessible name. */
  label: string;
  /** Bumped by the caller when an action has changed the list. */
  version?: number;
}) {
  const filterKey = JSON.stringify(params);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const setPage = useCallback((next: number) => setPaging({ filterKey, page: next }), [filterKey]);
  const list = useApi<Page<T>>(`${path}${query({ ...params, page, limit })}`, pollMs);
  useBackToLastPage(list.data, page, setPage);
  const shownVersion = useRef(version);
  const { reload } = list;
  useEffect(() => {
    if (shownVersion.current !== version) {
      shownVersion.current = version;
      reload();
    }
  }, [version, reload]);
  return (
    <Async state={list} isEmpty={(d) => d.items.length === 0} empty={empty}>
      {(data) => (
        <>
          <table aria-label={label}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c.header}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.header}>{c.cell(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={page}
            pages={data.pagination.total_pages}
            total={data.pagination.total}
            onPage={setPage}
          />
        </>
      )}
    </Async>
  );
}
