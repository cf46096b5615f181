import { AuditLogResponse } from '@pulse/shared/schemas/audit';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

const PAGE_SIZE = 50;

export const getAuditLog = (cursor: string | undefined, signal?: AbortSignal) =>
  apiFetch('/api/v1/audit-log', { query: { cursor, limit: PAGE_SIZE }, schema: AuditLogResponse, signal });

export const auditLogQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['audit-log'],
    queryFn: ({ pageParam, signal }) => getAuditLog(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Every visit should show what just happened, not what was cached a minute ago.
    staleTime: 0,
  });

export const useAuditLog = () => useInfiniteQuery(auditLogQueryOptions());
