import { SurveyResponse, type UpdateSurveyBody } from '@pulse/shared/schemas/surveys';
import type { SurveyDefinitionInput } from '@pulse/shared/schemas/survey-definition';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { surveyQueryKey } from './get-survey';
import { surveysQueryKey } from './get-surveys';

type Draft = Omit<UpdateSurveyBody, 'definition'> & { definition: SurveyDefinitionInput };

export const saveDraft = (surveyId: string, body: Draft) =>
  apiFetch(`/api/v1/surveys/${surveyId}/draft`, { method: 'PUT', body, schema: SurveyResponse });

export const publishSurvey = (surveyId: string, revision: number) =>
  apiFetch(`/api/v1/surveys/${surveyId}/publish`, { method: 'POST', body: { revision }, schema: SurveyResponse });

export type SurveyAction = 'pause' | 'resume' | 'archive' | 'duplicate';

export const surveyAction = (surveyId: string, action: SurveyAction) =>
  apiFetch(`/api/v1/surveys/${surveyId}/${action}`, { method: 'POST', schema: SurveyResponse });

/** Every change to one survey refreshes it and the list. */
function useSurveyMutation<A>(surveyId: string, mutationFn: (args: A) => ReturnType<typeof saveDraft>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (data) => {
      if (data.survey.id === surveyId) queryClient.setQueryData(surveyQueryKey(surveyId), data);
      return queryClient.invalidateQueries({ queryKey: surveysQueryKey, refetchType: 'none' });
    },
  });
}

export const useSaveDraft = (surveyId: string) =>
  useSurveyMutation(surveyId, (body: Draft) => saveDraft(surveyId, body));

/** Saves the draft, then publishes exactly the revision saved. */
export const useSaveAndPublish = (surveyId: string) =>
  useSurveyMutation(surveyId, async (body: Draft) => {
    const saved = await saveDraft(surveyId, body);
    return publishSurvey(surveyId, saved.survey.revision);
  });

export const useSurveyAction = (surveyId: string) =>
  useSurveyMutation(surveyId, (action: SurveyAction) => surveyAction(surveyId, action));
