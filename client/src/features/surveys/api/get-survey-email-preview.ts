import { EmailPreviewResponse } from '@pulse/shared/schemas/invitations';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { surveyQueryKey } from './get-survey';

/**
 * The survey email of the saved draft, rendered by the server exactly as a recipient gets it.
 * Keyed by the draft's revision, so saving shows the new email.
 */
export const surveyEmailPreviewQueryOptions = (surveyId: string, revision: number, language: string) =>
  queryOptions({
    queryKey: [...surveyQueryKey(surveyId), 'email-preview', revision, language],
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/surveys/${surveyId}/email-preview?language=${encodeURIComponent(language)}`, {
        schema: EmailPreviewResponse,
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

export const useSurveyEmailPreview = (surveyId: string, revision: number, language: string) =>
  useQuery(surveyEmailPreviewQueryOptions(surveyId, revision, language));
