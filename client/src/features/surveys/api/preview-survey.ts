import { SurveyPreviewResponse, type SurveyPreviewBody } from '@pulse/shared/schemas/survey-preview';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

/** The real respondent page for an unsaved draft, rendered by the server. */
export const previewSurvey = (body: SurveyPreviewBody, signal?: AbortSignal) =>
  apiFetch('/api/v1/survey-preview', { method: 'POST', body, schema: SurveyPreviewResponse, signal });

export const useSurveyPreview = (body: SurveyPreviewBody) =>
  useQuery({
    queryKey: ['survey-preview', body],
    queryFn: ({ signal }) => previewSurvey(body, signal),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
