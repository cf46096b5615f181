import { AlertRuleResponse, type AlertRuleInput } from '@pulse/shared/schemas/alerts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { alertRulesQueryKey } from './get-alert-rules';

export const createAlertRule = (body: AlertRuleInput) =>
  apiFetch('/api/v1/alert-rules', { method: 'POST', body, schema: AlertRuleResponse });

export function useCreateAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAlertRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertRulesQueryKey }),
  });
}
