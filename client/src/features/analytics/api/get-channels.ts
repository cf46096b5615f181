import { ChannelsResponse, type MetricsFilter } from '@pulse/shared/schemas/analytics';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { analyticsKey, queryOf } from './query';

export const getChannels = (filter: MetricsFilter, signal?: AbortSignal) =>
  apiFetch('/api/v1/metrics/channels', { query: queryOf(filter), schema: ChannelsResponse, signal });

export const channelsQueryOptions = (filter: MetricsFilter) =>
  queryOptions({
    queryKey: analyticsKey('channels', filter),
    queryFn: ({ signal }) => getChannels(filter, signal),
    placeholderData: keepPreviousData,
  });

export const useChannels = (filter: MetricsFilter) => useQuery(channelsQueryOptions(filter));
