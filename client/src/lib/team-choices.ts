import { TeamsResponse } from '@pulse/shared/schemas/teams';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from './api-client';

/**
 * The organisation's teams as select options, under the key the Teams page uses (so a team made
 * there shows up here): cases, alert rules and touchpoints all hand work to a team.
 */
export const useTeamChoices = () =>
  useQuery(
    queryOptions({
      queryKey: ['teams'],
      queryFn: ({ signal }) => apiFetch('/api/v1/teams', { schema: TeamsResponse, signal }),
      select: (d) => d.teams.map((t) => ({ value: t.id, label: t.name })),
    }),
  );
