import { MembersResponse } from '@pulse/shared/schemas/members';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const membersQueryKey = ['members'] as const;

export const getMembers = (signal?: AbortSignal) => apiFetch('/api/v1/members', { schema: MembersResponse, signal });

export const membersQueryOptions = () =>
  queryOptions({ queryKey: membersQueryKey, queryFn: ({ signal }) => getMembers(signal) });

/** Members and pending invitations come in one answer; both tables read this one query. */
export const useMembers = () => useQuery(membersQueryOptions());
