import { InvitationPreview } from '@pulse/shared/schemas/members';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const getInvitationPreview = (token: string, signal?: AbortSignal) =>
  apiFetch('/api/v1/invitations/preview', { query: { token }, schema: InvitationPreview, signal });

export const invitationPreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) => getInvitationPreview(token, signal),
    // The preview cannot change under the reader, and a refetch after accepting would 404.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useInvitationPreview = (token: string) => useQuery(invitationPreviewQueryOptions(token));
