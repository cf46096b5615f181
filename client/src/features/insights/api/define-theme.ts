import { VocabularyResponse, type VocabularyBody } from '@pulse/shared/schemas/insights';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { INSIGHTS_ROOT_KEY } from './query';

export const defineTheme = (body: VocabularyBody) =>
  apiFetch('/api/v1/insights/vocabulary', { method: 'POST', body, schema: VocabularyResponse });

/** Names a theme and merges synonyms; every ranking is refetched, since merges apply to history. */
export function useDefineTheme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: defineTheme,
    onSuccess: () => client.invalidateQueries({ queryKey: INSIGHTS_ROOT_KEY }),
  });
}
