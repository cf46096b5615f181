import type { Band } from '@pulse/shared/metrics/scales';
import { VerbatimsResponse, type MetricsFilter } from '@pulse/shared/schemas/analytics';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { analyticsKey, queryOf } from './query';

export interface VerbatimsView {
  band?: Band;
  q?: string;
}

const PAGE = 20;

export const getVerbatims = (filter: MetricsFilter, view: VerbatimsView, cursor?: string, signal?: AbortSignal) =>
  apiFetch('/api/v1/metrics/verbatims', {
    query: queryOf({ ...filter, ...view, cursor, limit: PAGE }),
    schema: VerbatimsResponse,
    signal,
  });

/** Where the CSV of the same view downloads from (the session cookie authorises it). */
export const verbatimsExportUrl = (filter: MetricsFilter, view: VerbatimsView) =>
  `/api/v1/metrics/verbatims/export?${new URLSearchParams(queryOf({ ...filter, ...view })).toString()}`;

export const verbatimsQueryOptions = (filter: MetricsFilter, view: VerbatimsView) =>
  infiniteQueryOptions({
    queryKey: analyticsKey('verbatims', filter, view),
    queryFn: ({ signal, pageParam }) => getVerbatims(filter, view, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useVerbatims = (filter: MetricsFilter, view: VerbatimsView) =>
  useInfiniteQuery(verbatimsQueryOptions(filter, view));
