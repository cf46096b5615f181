import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiFetch } from '../../../lib/api-client';
import { deliveriesQueryKey } from './get-deliveries';

export const sendTestWebhook = (endpointId: string) =>
  apiFetch(`/api/v1/webhooks/${encodeURIComponent(endpointId)}/test`, {
    method: 'POST',
    schema: z.object({ messageId: z.string() }),
  });

export function useSendTestWebhook(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendTestWebhook(endpointId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesQueryKey(endpointId) }),
  });
}
