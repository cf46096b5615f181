import { AssignmentRulesResponse } from '@pulse/shared/schemas/teams';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const assignmentRulesQueryKey = ['assignment-rules'] as const;

export const getAssignmentRules = (signal?: AbortSignal) =>
  apiFetch('/api/v1/assignment-rules', { schema: AssignmentRulesResponse, signal });

export const useAssignmentRules = () =>
  useQuery(queryOptions({ queryKey: assignmentRulesQueryKey, queryFn: ({ signal }) => getAssignmentRules(signal) }));
