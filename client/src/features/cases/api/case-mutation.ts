import { CaseResponse } from '@pulse/shared/schemas/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { caseQueryKey } from './get-case';
import { casesQueryKey } from './get-cases';

/**
 * Every change to a case answers with the whole case: it replaces the cached one, and the inbox
 * lists are refetched since status, assignee and due state may have moved.
 */
export function useCaseMutation<Body>(caseId: string, path: string, method: 'POST' | 'PATCH' = 'POST') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      apiFetch(`/api/v1/cases/${encodeURIComponent(caseId)}${path}`, { method, body, schema: CaseResponse }),
    onSuccess: async (data) => {
      queryClient.setQueryData(caseQueryKey(caseId), data);
      await queryClient.invalidateQueries({ queryKey: casesQueryKey, refetchType: 'inactive' });
    },
  });
}
