import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The page's selection lives in the URL, so a view of themes can be shared and reloaded. */
export interface InsightFilters {
  touchpointId?: string;
  weeks: number;
  /** The theme whose comments are open. */
  theme?: string;
}

export const PERIODS = [4, 12, 26, 52] as const;

export function useInsightFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<InsightFilters>(() => {
    const weeks = Number(params.get('weeks'));
    return {
      touchpointId: params.get('touchpointId') || undefined,
      weeks: (PERIODS as readonly number[]).includes(weeks) ? weeks : 12,
      theme: params.get('theme') || undefined,
    };
  }, [params]);
  const setFilters = useCallback(
    (change: Partial<InsightFilters>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change)) {
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
