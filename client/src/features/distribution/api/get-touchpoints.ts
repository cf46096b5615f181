import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const touchpointsQueryKey = ['touchpoints'] as const;

export const touchpointsQueryOptions = () =>
  queryOptions({
    queryKey: touchpointsQueryKey,
    queryFn: ({ signal }) => apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal }),
  });

/** In journey order, as the server sorts them (stage order, then order within the stage). */
export const useTouchpoints = () => useQuery(touchpointsQueryOptions());
