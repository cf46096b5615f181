import { BreakdownResponse, type MetricsFilter } from '@pulse/shared/schemas/analytics';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';

import { apiFetch } from '../../../lib/api-client';
import { analyticsKey, queryOf } from './query';

type By = z.infer<typeof BreakdownResponse>['by'];

export const getBreakdown = (filter: MetricsFilter, by: By, signal?: AbortSignal) =>
  apiFetch('/api/v1/metrics/breakdown', { query: queryOf({ ...filter, by }), schema: BreakdownResponse, signal });

export const breakdownQueryOptions = (filter: MetricsFilter, by: By) =>
  queryOptions({
    queryKey: analyticsKey('breakdown', filter, { by }),
    queryFn: ({ signal }) => getBreakdown(filter, by, signal),
    placeholderData: keepPreviousData,
  });

export const useBreakdown = (filter: MetricsFilter, by: By) => useQuery(breakdownQueryOptions(filter, by));
