import { SurveyResponse } from '@pulse/shared/schemas/surveys';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { surveysQueryKey } from './get-surveys';

export const surveyQueryKey = (surveyId: string) => [...surveysQueryKey, 'one', surveyId] as const;

export const surveyQueryOptions = (surveyId: string) =>
  queryOptions({
    queryKey: surveyQueryKey(surveyId),
    queryFn: ({ signal }) => apiFetch(`/api/v1/surveys/${surveyId}`, { schema: SurveyResponse, signal }),
    // The builder holds its own copy of the draft; refetching under it would only confuse.
    refetchOnWindowFocus: false,
  });

export const useSurvey = (surveyId: string) => useQuery(surveyQueryOptions(surveyId));
