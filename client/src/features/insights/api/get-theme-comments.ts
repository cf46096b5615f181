import { ThemeCommentsResponse, type ThemeCommentsQuery } from '@pulse/shared/schemas/insights';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { insightsKey, queryOf } from './query';

export type CommentsQuery = Pick<ThemeCommentsQuery, 'theme'> & Partial<Omit<ThemeCommentsQuery, 'theme'>>;

export const getThemeComments = (query: CommentsQuery, signal?: AbortSignal) =>
  apiFetch('/api/v1/insights/comments', { query: queryOf(query), schema: ThemeCommentsResponse, signal });

export const themeCommentsQueryOptions = (query: CommentsQuery) =>
  queryOptions({
    queryKey: insightsKey('comments', query),
    queryFn: ({ signal }) => getThemeComments(query, signal),
  });

export const useThemeComments = (query: CommentsQuery) => useQuery(themeCommentsQueryOptions(query));
