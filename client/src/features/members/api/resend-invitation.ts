import { ResentInvitation } from '@pulse/shared/schemas/members';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { membersQueryKey } from './get-members';

/** A new link for the invitation, mailed again; the answer carries the link for "Copy link". */
export const resendInvitation = (invitationId: string) =>
  apiFetch(`/api/v1/invitations/${encodeURIComponent(invitationId)}/resend`, {
    method: 'POST',
    schema: ResentInvitation,
  });

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    // The invitation has a new id and expiry.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}
