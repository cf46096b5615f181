import { SurveysResponse, type SurveyStatus } from '@pulse/shared/schemas/surveys';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const surveysQueryKey = ['surveys'] as const;

export interface SurveyFilters {
  search?: string;
  status?: SurveyStatus;
  cursor?: string;
}

export const surveysQueryOptions = (filters: SurveyFilters = {}) =>
  queryOptions({
    queryKey: [...surveysQueryKey, 'list', filters],
    queryFn: ({ signal }) =>
      apiFetch('/api/v1/surveys', { query: { ...filters, limit: 25 }, schema: SurveysResponse, signal }),
    placeholderData: keepPreviousData,
  });

export const useSurveys = (filters: SurveyFilters = {}) => useQuery(surveysQueryOptions(filters));
