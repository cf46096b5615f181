import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { webhooksQueryKey } from './get-webhooks';

/** The organisation's touchpoints, for an endpoint's touchpoint filter. */
export const getTouchpoints = (signal?: AbortSignal) =>
  apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal });

export const touchpointsQueryOptions = () =>
  queryOptions({ queryKey: [...webhooksQueryKey, 'touchpoints'], queryFn: ({ signal }) => getTouchpoints(signal) });

export const useWebhookTouchpoints = () => useQuery(touchpointsQueryOptions());
