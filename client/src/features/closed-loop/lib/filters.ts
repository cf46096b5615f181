import { DayKey } from '@pulse/shared/metrics/calendar';
import { MetricKind } from '@pulse/shared/metrics/scales';
import type { ClosedLoopQuery } from '@pulse/shared/schemas/closed-loop';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

const KEYS = ['kind', 'from', 'to', 'touchpointId'] as const;

/** The report's filters live in the URL, like the analytics dashboard's. */
export function useLoopFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<ClosedLoopQuery>(() => {
    const day = (key: string) => (DayKey.safeParse(params.get(key)).success ? params.get(key)! : undefined);
    return {
      kind: MetricKind.catch('nps').parse(params.get('kind')),
      from: day('from'),
      to: day('to'),
      touchpointId: params.get('touchpointId') || undefined,
    };
  }, [params]);
  const setFilters = useCallback(
    (change: Partial<ClosedLoopQuery>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const key of KEYS) {
            if (!(key in change)) continue;
            const value = change[key];
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, setFilters };
}
