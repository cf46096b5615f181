import type { Granularity } from '@pulse/shared/metrics/calendar';
import { TrendResponse, type MetricsFilter } from '@pulse/shared/schemas/analytics';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { analyticsKey, queryOf } from './query';

export const getTrend = (filter: MetricsFilter, granularity: Granularity, signal?: AbortSignal) =>
  apiFetch('/api/v1/metrics/trend', { query: queryOf({ ...filter, granularity }), schema: TrendResponse, signal });

export const trendQueryOptions = (filter: MetricsFilter, granularity: Granularity) =>
  queryOptions({
    queryKey: analyticsKey('trend', filter, { granularity }),
    queryFn: ({ signal }) => getTrend(filter, granularity, signal),
    placeholderData: keepPreviousData,
  });

export const useTrend = (filter: MetricsFilter, granularity: Granularity) =>
  useQuery(trendQueryOptions(filter, granularity));
