import { SurveyResponse, type CreateSurveyBody } from '@pulse/shared/schemas/surveys';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { surveysQueryKey } from './get-surveys';

export const createSurvey = (body: CreateSurveyBody) =>
  apiFetch('/api/v1/surveys', { method: 'POST', body, schema: SurveyResponse });

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSurvey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveysQueryKey }),
  });
}
