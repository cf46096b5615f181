import { MembersResponse } from '@pulse/shared/schemas/members';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

/** The teammates to filter the log by; the same list Team shows. */
export const getPeople = (signal?: AbortSignal) =>
  apiFetch('/api/v1/members', { schema: MembersResponse, signal }).then(({ members }) =>
    members.map(({ userId, name }) => ({ value: userId, label: name })),
  );

export const peopleQueryOptions = () =>
  queryOptions({ queryKey: ['audit-log', 'people'], queryFn: ({ signal }) => getPeople(signal) });

export const usePeople = () => useQuery(peopleQueryOptions());
