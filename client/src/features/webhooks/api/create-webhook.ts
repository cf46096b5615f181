import { CreatedWebhookEndpointResponse, type WebhookEventType } from '@pulse/shared/schemas/webhooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { webhooksQueryKey } from './get-webhooks';

export const createWebhook = (body: {
  url: string;
  description?: string;
  events: WebhookEventType[];
  touchpointIds?: string[];
}) => apiFetch('/api/v1/webhooks', { method: 'POST', body, schema: CreatedWebhookEndpointResponse });

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}
