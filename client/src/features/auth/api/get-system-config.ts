import { SystemConfig } from '@pulse/shared/schemas/system';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const getSystemConfig = (signal?: AbortSignal) =>
  apiFetch('/api/v1/system/config', { schema: SystemConfig, signal });

export const useSystemConfig = () =>
  useQuery(
    queryOptions({
      queryKey: ['system-config'],
      queryFn: ({ signal }) => getSystemConfig(signal),
      staleTime: Infinity,
    }),
  );
