import { OutboxResponse } from '@pulse/shared/schemas/outbox';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const getOutbox = (signal?: AbortSignal) => apiFetch('/api/v1/outbox', { schema: OutboxResponse, signal });

export const outboxQueryOptions = () =>
  queryOptions({
    queryKey: ['outbox'],
    queryFn: ({ signal }) => getOutbox(signal),
    // Mail leaves through a background worker, so it lands a moment after the click that sent it.
    // Polling stops once the server has said no (e.g. 404 outside development).
    refetchInterval: (query) => (query.state.status === 'error' ? false : 5_000),
    staleTime: 0,
  });

export const useOutbox = () => useQuery(outboxQueryOptions());
