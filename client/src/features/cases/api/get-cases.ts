import { CasesResponse } from '@pulse/shared/schemas/cases';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export type CaseView = 'open' | 'mine' | 'team' | 'overdue' | 'all';

export const casesQueryKey = ['cases'] as const;

export const getCases = (view: CaseView, signal?: AbortSignal) =>
  apiFetch(`/api/v1/cases?view=${view}`, { schema: CasesResponse, signal });

export const useCases = (view: CaseView) =>
  useQuery(queryOptions({ queryKey: [...casesQueryKey, view], queryFn: ({ signal }) => getCases(view, signal) }));
