import { InsightsResponse, type InsightsQuery } from '@pulse/shared/schemas/insights';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { insightsKey, queryOf } from './query';

/** The three rankings share one statistic and one answer shape (weighted log-odds, z ≥ 1.96). */
export type Ranking = 'themes' | 'drivers' | 'emerging';

export type RankedQuery = Partial<Pick<InsightsQuery, 'touchpointId' | 'until' | 'weeks'>>;

export const getRanked = (ranking: Ranking, query: RankedQuery, signal?: AbortSignal) =>
  apiFetch(`/api/v1/insights/${ranking}`, { query: queryOf(query), schema: InsightsResponse, signal });

export const rankedQueryOptions = (ranking: Ranking, query: RankedQuery, enabled = true) =>
  queryOptions({
    queryKey: insightsKey(ranking, query),
    queryFn: ({ signal }) => getRanked(ranking, query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useRanked = (ranking: Ranking, query: RankedQuery, enabled = true) =>
  useQuery(rankedQueryOptions(ranking, query, enabled));
