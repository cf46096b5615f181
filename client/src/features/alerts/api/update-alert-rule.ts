import { AlertRuleResponse, type UpdateAlertRuleBody } from '@pulse/shared/schemas/alerts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';

import { apiFetch } from '../../../lib/api-client';
import { alertRulesQueryKey } from './get-alert-rules';

export const updateAlertRule = ({ id, body }: { id: string; body: z.input<typeof UpdateAlertRuleBody> }) =>
  apiFetch(`/api/v1/alert-rules/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: AlertRuleResponse });

export function useUpdateAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAlertRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertRulesQueryKey }),
  });
}
