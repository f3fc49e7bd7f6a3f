import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { query, type Page } from '../api/client';
import { Pager, useBackToLastPage } from './controls';
import { Async, useApi, type Loaded } from './state';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/**
 * One page of a list API and the pager under it, for a list shown other than as a table (cards, a timeline) or a
 * table drawn by its page. The filters are the caller's (`params`); a change of filter goes back to the first page.
 * After an action changed the list, a new `version` reloads the page shown and keeps its rows meanwhile. A page that
 * came back empty (its last rows gone) gives way to the last page the list still has.
 */
export function usePaged<T>({
  path,
  params = {},
  limit = 20,
  pollMs,
  version = 0,
}: {
  path: string;
  params?: Record<string, string | number | undefined | null>;
  limit?: number;
  pollMs?: number;
  /** Bumped by the caller when an action has changed the list. */
  version?: number;
}): { list: Loaded<Page<T>>; page: number; pager: ReactNode } {
  const filterKey = JSON.stringify([path, params]);
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
  const pager = list.data && (
    <Pager page={page} pages={list.data.pagination.total_pages} total={list.data.pagination.total} onPage={setPage} />
  );
  return { list, page, pager };
}

/**
 * One page of a list API as a table: loading, empty and error states, and the pager (see {@link usePaged}); a new
 * `key` starts again from the first page.
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
  const { list, pager } = usePaged<T>({ path, params, limit, pollMs, version });
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
          {pager}
        </>
      )}
    </Async>
  );
}
