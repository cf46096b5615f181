import { TeamResponse, type CreateTeamBody, type UpdateTeamBody } from '@pulse/shared/schemas/teams';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { teamsQueryKey } from './get-teams';

type TeamInput = Omit<CreateTeamBody, 'memberIds'> & { memberIds?: string[] };

const createTeam = (body: TeamInput) => apiFetch('/api/v1/teams', { method: 'POST', body, schema: TeamResponse });
const updateTeam = ({ id, body }: { id: string; body: UpdateTeamBody }) =>
  apiFetch(`/api/v1/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: TeamResponse });
const deleteTeam = (id: string) => apiFetch(`/api/v1/teams/${encodeURIComponent(id)}`, { method: 'DELETE' });

// Deleting a team deletes its assignment rules: both lists are read again.
function useInvalidating<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: teamsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['assignment-rules'] }),
      ]),
  });
}

export const useCreateTeam = () => useInvalidating(createTeam);
export const useUpdateTeam = () => useInvalidating(updateTeam);
export const useDeleteTeam = () => useInvalidating(deleteTeam);
