import { Invitation, type InviteBody } from '@pulse/shared/schemas/members';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { membersQueryKey } from './get-members';

export const inviteTeammate = (body: InviteBody) =>
  apiFetch('/api/v1/invitations', { method: 'POST', body, schema: Invitation });

export function useInviteTeammate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteTeammate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}
