import { TeamsResponse } from '@pulse/shared/schemas/teams';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

/** The teams a case can go to, under the key the Teams page uses. */
export const useTeamChoices = () =>
  useQuery(
    queryOptions({
      queryKey: ['teams'],
      queryFn: ({ signal }) => apiFetch('/api/v1/teams', { schema: TeamsResponse, signal }),
      select: (d) => d.teams.map((t) => ({ value: t.id, label: t.name })),
    }),
  );
