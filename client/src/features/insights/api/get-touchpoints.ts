import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { insightsKey } from './query';

/** The organisation's touchpoints, for the selector: themes compare one of them with the rest. */
export const getTouchpoints = (signal?: AbortSignal) =>
  apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal });

export const touchpointsQueryOptions = () =>
  queryOptions({ queryKey: insightsKey('touchpoints'), queryFn: ({ signal }) => getTouchpoints(signal) });

export const useTouchpoints = () => useQuery(touchpointsQueryOptions());
