import type { Role } from '@pulse/shared/permissions';
import { Member } from '@pulse/shared/schemas/members';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { membersQueryKey } from './get-members';

export const changeMemberRole = ({ memberId, role }: { memberId: string; role: Role }) =>
  apiFetch(`/api/v1/members/${encodeURIComponent(memberId)}`, { method: 'PATCH', body: { role }, schema: Member });

export function useChangeMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeMemberRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}
