import { CreatedApiKeyResponse, type CreateApiKeyBody } from '@pulse/shared/schemas/api-keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { apiKeysQueryKey } from './get-api-keys';

export const createApiKey = (body: CreateApiKeyBody) =>
  apiFetch('/api/v1/api-keys', { method: 'POST', body, schema: CreatedApiKeyResponse });

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
