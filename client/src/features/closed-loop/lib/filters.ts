import { DayKey } from '@pulse/shared/metrics/calendar';
import { MetricKind } from '@pulse/shared/metrics/scales';
import type { ClosedLoopQuery } from '@pulse/shared/schemas/closed-loop';

import { useUrlFilters } from '../../../lib/url-filters';

function read(params: URLSearchParams): ClosedLoopQuery {
  const day = (key: string) => (DayKey.safeParse(params.get(key)).success ? params.get(key)! : undefined);
  return {
    kind: MetricKind.catch('nps').parse(params.get('kind')),
    from: day('from'),
    to: day('to'),
    touchpointId: params.get('touchpointId') || undefined,
  };
}

/** The report's filters live in the URL, like the analytics dashboard's. */
export const useLoopFilters = () => useUrlFilters(read);
