import { AlertRulesResponse } from '@pulse/shared/schemas/alerts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const alertRulesQueryKey = ['alert-rules'] as const;

export const getAlertRules = (signal?: AbortSignal) =>
  apiFetch('/api/v1/alert-rules', { schema: AlertRulesResponse, signal });

export const useAlertRules = () =>
  useQuery(queryOptions({ queryKey: alertRulesQueryKey, queryFn: ({ signal }) => getAlertRules(signal) }));
