import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

type FilterValue = string | number | undefined;

/**
 * A page's filters kept in the URL, so a view can be bookmarked, shared and reloaded as it was.
 * `read` turns the query string into filters (falling back on bad values); a change sets the keys
 * it names and drops the ones it empties, replacing the history entry rather than adding one.
 */
export function useUrlFilters<T extends { [K in keyof T]: FilterValue }>(read: (params: URLSearchParams) => T) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => read(params), [read, params]);
  const setFilters = useCallback(
    (change: Partial<T>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change) as [string, FilterValue][]) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, setFilters };
}
