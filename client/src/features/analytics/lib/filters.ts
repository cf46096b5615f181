import { MetricKind } from '@pulse/shared/metrics/scales';
import { DayKey, Granularity } from '@pulse/shared/metrics/calendar';
import type { MetricsFilter } from '@pulse/shared/schemas/analytics';

import { useUrlFilters } from '../../../lib/url-filters';

/** Dashboard filters live in the URL, so a view can be bookmarked, shared and reloaded as it was. */
export interface DashboardFilters extends MetricsFilter {
  granularity: Granularity;
}

function read(params: URLSearchParams): DashboardFilters {
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
}

export const useDashboardFilters = () => useUrlFilters(read);

/** The filter part of a request: what every analytics query sends and keys its cache by. */
export const apiFilter = ({ granularity: _g, ...filter }: DashboardFilters): MetricsFilter => filter;
