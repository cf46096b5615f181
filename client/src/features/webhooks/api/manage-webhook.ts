import {
  CreatedWebhookEndpointResponse,
  RecoverWebhookResponse,
  WebhookEndpointResponse,
} from '@pulse/shared/schemas/webhooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { webhooksQueryKey } from './get-webhooks';

const path = (endpointId: string, rest = '') => `/api/v1/webhooks/${encodeURIComponent(endpointId)}${rest}`;

/** Rotation, re-enabling and recovery all change what the endpoint card shows: one refresh for all. */
function useEndpointMutation<T, V>(fn: (v: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}

export const useRotateWebhookSecret = (endpointId: string) =>
  useEndpointMutation(() =>
    apiFetch(path(endpointId, '/rotate-secret'), { method: 'POST', schema: CreatedWebhookEndpointResponse }),
  );

export const useEnableWebhook = (endpointId: string) =>
  useEndpointMutation(() =>
    apiFetch(path(endpointId), { method: 'PATCH', body: { enabled: true }, schema: WebhookEndpointResponse }),
  );

export const useRecoverWebhook = (endpointId: string) =>
  useEndpointMutation((since: string) =>
    apiFetch(path(endpointId, '/recover'), { method: 'POST', body: { since }, schema: RecoverWebhookResponse }),
  );
