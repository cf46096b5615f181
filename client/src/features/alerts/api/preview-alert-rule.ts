import { AlertRulePreviewResponse, type AlertCondition } from '@pulse/shared/schemas/alerts';
import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

/** A draft's conditions against the last 30 days; nothing is stored, so nothing is invalidated. */
export const previewAlertRule = (groups: AlertCondition[][]) =>
  apiFetch('/api/v1/alert-rules/preview', { method: 'POST', body: { groups }, schema: AlertRulePreviewResponse });

export const usePreviewAlertRule = () => useMutation({ mutationFn: previewAlertRule });
