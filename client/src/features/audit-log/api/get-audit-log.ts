import { AuditLogResponse, type AuditAction } from '@pulse/shared/schemas/audit';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { startOfLocalDay } from '../../../lib/format';

const PAGE_SIZE = 50;

/** The page's filters as the URL holds them: days are the reader's local calendar days. */
export interface AuditFilters {
  action?: AuditAction;
  actorId?: string;
  /** First day shown, `YYYY-MM-DD`. */
  from?: string;
  /** Last day shown, inclusive. */
  to?: string;
}

const toQuery = ({ action, actorId, from, to }: AuditFilters) => ({
  action,
  actorId,
  from: from ? startOfLocalDay(from) : undefined,
  // The server's `to` is exclusive: the day after the last one shown.
  to: to ? startOfLocalDay(to, 1) : undefined,
});

export const getAuditLog = (filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) =>
  apiFetch('/api/v1/audit-log', {
    query: { ...toQuery(filters), cursor, limit: PAGE_SIZE },
    schema: AuditLogResponse,
    signal,
  });

export const auditLogQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit-log', filters],
    queryFn: ({ pageParam, signal }) => getAuditLog(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Every visit should show what just happened, not what was cached a minute ago.
    staleTime: 0,
  });

export const useAuditLog = (filters: AuditFilters) => useInfiniteQuery(auditLogQueryOptions(filters));
