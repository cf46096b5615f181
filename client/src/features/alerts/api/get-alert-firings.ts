import { AlertFiringsResponse } from '@pulse/shared/schemas/alerts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const alertFiringsQueryOptions = (ruleId: string) =>
  infiniteQueryOptions({
    queryKey: ['alert-rules', ruleId, 'firings'],
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`/api/v1/alert-rules/${encodeURIComponent(ruleId)}/firings`, {
        query: { cursor: pageParam, limit: 20 },
        schema: AlertFiringsResponse,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // What became of a mail or a chat message changes by the minute.
    staleTime: 0,
  });

export const useAlertFirings = (ruleId: string) => useInfiniteQuery(alertFiringsQueryOptions(ruleId));
