import { InvitationsResponse, type InvitationState } from '@pulse/shared/schemas/invitations';
import type { SkipReason } from '@pulse/shared/schemas/interactions';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { startOfLocalDay } from '../../../lib/format';

/** The log's filters as the URL holds them; days are the reader's local calendar days. */
export interface InvitationFilters {
  touchpointId?: string;
  state?: InvitationState;
  reason?: SkipReason;
  contactId?: string;
  from?: string;
  to?: string;
}

export const invitationsQueryOptions = (filters: InvitationFilters) =>
  infiniteQueryOptions({
    queryKey: ['invitations', filters],
    queryFn: ({ pageParam, signal }) =>
      apiFetch('/api/v1/invitations', {
        query: {
          touchpointId: filters.touchpointId,
          state: filters.state,
          reason: filters.reason,
          contactId: filters.contactId,
          from: filters.from ? startOfLocalDay(filters.from) : undefined,
          // Inclusive of the last day shown.
          to: filters.to ? startOfLocalDay(filters.to, 1) : undefined,
          cursor: pageParam,
          limit: 50,
        },
        schema: InvitationsResponse,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useInvitations = (filters: InvitationFilters) => useInfiniteQuery(invitationsQueryOptions(filters));
