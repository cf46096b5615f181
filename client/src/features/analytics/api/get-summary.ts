import { SummaryResponse, type MetricsFilter } from '@pulse/shared/schemas/analytics';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { analyticsKey, queryOf } from './query';

export const getSummary = (filter: MetricsFilter, signal?: AbortSignal) =>
  apiFetch('/api/v1/metrics', { query: queryOf(filter), schema: SummaryResponse, signal });

export const summaryQueryOptions = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: analyticsKey('summary', filter),
    queryFn: ({ signal }) => getSummary(filter, signal),
    placeholderData: keepPreviousData,
  });

export const useSummary = (filter: MetricsFilter) => useQuery(summaryQueryOptions(filter));
