import { TeamsResponse } from '@pulse/shared/schemas/teams';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const teamsQueryKey = ['teams'] as const;

export const getTeams = (signal?: AbortSignal) => apiFetch('/api/v1/teams', { schema: TeamsResponse, signal });

export const useTeams = () =>
  useQuery(queryOptions({ queryKey: teamsQueryKey, queryFn: ({ signal }) => getTeams(signal) }));
