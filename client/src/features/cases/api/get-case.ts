import { CaseResponse } from '@pulse/shared/schemas/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { casesQueryKey } from './get-cases';

export const caseQueryKey = (caseId: string) => [...casesQueryKey, 'one', caseId] as const;

export const getCase = (caseId: string, signal?: AbortSignal) =>
  apiFetch(`/api/v1/cases/${encodeURIComponent(caseId)}`, { schema: CaseResponse, signal });

export const useCase = (caseId: string) =>
  useQuery(queryOptions({ queryKey: caseQueryKey(caseId), queryFn: ({ signal }) => getCase(caseId, signal) }));
