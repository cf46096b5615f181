import { SurveyVersionsResponse } from '@pulse/shared/schemas/surveys';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { surveyQueryKey } from './get-survey';

export const surveyVersionsQueryOptions = (surveyId: string) =>
  queryOptions({
    queryKey: [...surveyQueryKey(surveyId), 'versions'],
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/surveys/${surveyId}/versions`, { schema: SurveyVersionsResponse, signal }),
  });

export const useSurveyVersions = (surveyId: string) => useQuery(surveyVersionsQueryOptions(surveyId));
