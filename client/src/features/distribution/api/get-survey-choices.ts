import { SurveysResponse } from '@pulse/shared/schemas/surveys';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

/** The surveys a rule may ask, as select options; the survey list is its own feature's page. */
export const surveyChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ['surveys', 'choices'],
    queryFn: async ({ signal }) => {
      const { surveys } = await apiFetch('/api/v1/surveys', { query: { limit: 100 }, schema: SurveysResponse, signal });
      return surveys.map((s) => ({
        value: s.id,
        label: s.status === 'active' ? s.name : `${s.name} (${s.status})`,
      }));
    },
  });

export const useSurveyChoices = () => useQuery(surveyChoicesQueryOptions());
