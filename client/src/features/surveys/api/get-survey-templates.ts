import { SurveyTemplatesResponse } from '@pulse/shared/schemas/survey-templates';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const surveyTemplatesQueryOptions = () =>
  queryOptions({
    queryKey: ['survey-templates'],
    queryFn: ({ signal }) => apiFetch('/api/v1/survey-templates', { schema: SurveyTemplatesResponse, signal }),
    staleTime: Infinity,
  });

export const useSurveyTemplates = () => useQuery(surveyTemplatesQueryOptions());
