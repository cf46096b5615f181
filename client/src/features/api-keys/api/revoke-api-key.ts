import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { apiKeysQueryKey } from './get-api-keys';

export const revokeApiKey = (apiKeyId: string) =>
  apiFetch(`/api/v1/api-keys/${encodeURIComponent(apiKeyId)}`, { method: 'DELETE' });

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
