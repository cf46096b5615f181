import { HeatmapResponse, type MetricsFilter } from '@pulse/shared/schemas/analytics';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { analyticsKey, queryOf } from './query';

export const getHeatmap = (filter: MetricsFilter, signal?: AbortSignal) =>
  apiFetch('/api/v1/metrics/heatmap', { query: queryOf(filter), schema: HeatmapResponse, signal });

export const heatmapQueryOptions = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: analyticsKey('heatmap', filter),
    queryFn: ({ signal }) => getHeatmap(filter, signal),
    placeholderData: keepPreviousData,
  });

export const useHeatmap = (filter: MetricsFilter) => useQuery(heatmapQueryOptions(filter));
