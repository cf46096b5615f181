import { WebhookEndpointsResponse } from '@pulse/shared/schemas/webhooks';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const webhooksQueryKey = ['webhooks'] as const;

export const getWebhooks = (signal?: AbortSignal) =>
  apiFetch('/api/v1/webhooks', { schema: WebhookEndpointsResponse, signal });

export const useWebhooks = () =>
  useQuery(queryOptions({ queryKey: webhooksQueryKey, queryFn: ({ signal }) => getWebhooks(signal) }));
