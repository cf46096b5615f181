import { WebhookDeliveriesResponse } from '@pulse/shared/schemas/webhooks';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { webhooksQueryKey } from './get-webhooks';

export const deliveriesQueryKey = (endpointId: string) => [...webhooksQueryKey, endpointId, 'deliveries'] as const;

export const getDeliveries = (endpointId: string, signal?: AbortSignal) =>
  apiFetch(`/api/v1/webhooks/${encodeURIComponent(endpointId)}/deliveries`, {
    schema: WebhookDeliveriesResponse,
    signal,
  });

/** Refreshed every few seconds: retries land while the page is open. */
export const useDeliveries = (endpointId: string) =>
  useQuery(
    queryOptions({
      queryKey: deliveriesQueryKey(endpointId),
      queryFn: ({ signal }) => getDeliveries(endpointId, signal),
      refetchInterval: 5_000,
    }),
  );
