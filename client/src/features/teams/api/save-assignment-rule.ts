import { AssignmentRuleResponse, type CreateAssignmentRuleBody } from '@pulse/shared/schemas/teams';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';

import { apiFetch } from '../../../lib/api-client';
import { assignmentRulesQueryKey } from './get-assignment-rules';

export type AssignmentRuleInput = z.input<typeof CreateAssignmentRuleBody>;

const createRule = (body: AssignmentRuleInput) =>
  apiFetch('/api/v1/assignment-rules', { method: 'POST', body, schema: AssignmentRuleResponse });
const updateRule = ({ id, body }: { id: string; body: AssignmentRuleInput }) =>
  apiFetch(`/api/v1/assignment-rules/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body,
    schema: AssignmentRuleResponse,
  });
const deleteRule = (id: string) => apiFetch(`/api/v1/assignment-rules/${encodeURIComponent(id)}`, { method: 'DELETE' });

function useInvalidating<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentRulesQueryKey }),
  });
}

export const useCreateAssignmentRule = () => useInvalidating(createRule);
export const useUpdateAssignmentRule = () => useInvalidating(updateRule);
export const useDeleteAssignmentRule = () => useInvalidating(deleteRule);
