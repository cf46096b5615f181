import { MembersResponse } from '@pulse/shared/schemas/members';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from './api-client';

/**
 * The organisation's members as select options (by user id), under the key the members page
 * uses: teams, assignment rules and touchpoints all name people.
 */
export const useMemberChoices = () =>
  useQuery(
    queryOptions({
      queryKey: ['members'],
      queryFn: ({ signal }) => apiFetch('/api/v1/members', { schema: MembersResponse, signal }),
      select: (d) => d.members.map((m) => ({ value: m.userId, label: m.name || m.email })),
    }),
  );
