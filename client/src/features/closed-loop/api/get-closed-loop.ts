import { ClosedLoopResponse, type ClosedLoopQuery } from '@pulse/shared/schemas/closed-loop';
import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

const queryOf = (filter: object): Record<string, string> =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export const getClosedLoop = (filter: ClosedLoopQuery, signal?: AbortSignal) =>
  apiFetch('/api/v1/closed-loop', { query: queryOf(filter), schema: ClosedLoopResponse, signal });

export const closedLoopQueryOptions = (filter: ClosedLoopQuery) =>
  queryOptions({
    queryKey: ['closed-loop', filter],
    queryFn: ({ signal }) => getClosedLoop(filter, signal),
    placeholderData: keepPreviousData,
  });

export const useClosedLoop = (filter: ClosedLoopQuery) => useQuery(closedLoopQueryOptions(filter));

/** The touchpoint names for the filter and the table. */
export const useLoopTouchpoints = () =>
  useQuery({
    queryKey: ['closed-loop', 'touchpoints'],
    queryFn: ({ signal }) => apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal }),
  });
