import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { alertRulesQueryKey } from './get-alert-rules';

export const deleteAlertRule = (ruleId: string) =>
  apiFetch(`/api/v1/alert-rules/${encodeURIComponent(ruleId)}`, { method: 'DELETE' });

export function useDeleteAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAlertRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertRulesQueryKey }),
  });
}
