import { ApiKeysResponse } from '@pulse/shared/schemas/api-keys';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const apiKeysQueryKey = ['api-keys'] as const;

export const getApiKeys = (signal?: AbortSignal) => apiFetch('/api/v1/api-keys', { schema: ApiKeysResponse, signal });

export const apiKeysQueryOptions = () =>
  queryOptions({ queryKey: apiKeysQueryKey, queryFn: ({ signal }) => getApiKeys(signal) });

export const useApiKeys = () => useQuery(apiKeysQueryOptions());
