import { MetricKind } from '@pulse/shared/metrics/scales';
import { DayKey, Granularity } from '@pulse/shared/metrics/calendar';
import type { MetricsFilter } from '@pulse/shared/schemas/analytics';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** Dashboard filters live in the URL, so a view can be bookmarked, shared and reloaded as it was. */
export interface DashboardFilters extends MetricsFilter {
  granularity: Granularity;
}

const KEYS = ['kind', 'from', 'to', 'surveyId', 'touchpointId', 'channel', 'granularity'] as const;

export function useDashboardFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<DashboardFilters>(() => {
    const text = (key: string) => params.get(key) || undefined;
    const day = (key: string) => (DayKey.safeParse(params.get(key)).success ? params.get(key)! : undefined);
    return {
      kind: MetricKind.catch('nps').parse(params.get('kind')),
      from: day('from'),
      to: day('to'),
      surveyId: text('surveyId'),
      touchpointId: text('touchpointId'),
      channel: text('channel'),
      granularity: Granularity.catch('month').parse(params.get('granularity')),
    };
  }, [params]);

  const setFilters = useCallback(
    (change: Partial<DashboardFilters>) =>
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

/** The filter part of a request: what every analytics query sends and keys its cache by. */
export const apiFilter = ({ granularity: _g, ...filter }: DashboardFilters): MetricsFilter => filter;
