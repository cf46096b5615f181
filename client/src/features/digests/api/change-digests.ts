import {
  DigestPreviewResponse,
  DigestSubscriptionResponse,
  type DigestSettings,
  type RecipientBody,
} from '@pulse/shared/schemas/digests';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';

import { apiFetch } from '../../../lib/api-client';
import { digestsQueryKey } from './get-digests';

type Settings = z.input<typeof DigestSettings>;

export const saveMyDigest = (body: Settings) =>
  apiFetch('/api/v1/digests/me', { method: 'PUT', body, schema: DigestSubscriptionResponse });

export const stopMyDigest = () => apiFetch('/api/v1/digests/me', { method: 'DELETE' });

export const previewMyDigest = (body: Settings) =>
  apiFetch('/api/v1/digests/me/preview', { method: 'POST', body, schema: DigestPreviewResponse });

export const addRecipient = (body: z.input<typeof RecipientBody>) =>
  apiFetch('/api/v1/digests/recipients', { method: 'POST', body, schema: DigestSubscriptionResponse });

export const removeRecipient = (subscriptionId: string) =>
  apiFetch(`/api/v1/digests/recipients/${encodeURIComponent(subscriptionId)}`, { method: 'DELETE' });

/** Every digest change refetches the page's queries: they are small. */
function useDigestMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: digestsQueryKey }) });
}

export const useSaveMyDigest = () => useDigestMutation(saveMyDigest);
export const useStopMyDigest = () => useDigestMutation(stopMyDigest);
export const usePreviewMyDigest = () => useMutation({ mutationFn: previewMyDigest });
export const useAddRecipient = () => useDigestMutation(addRecipient);
export const useRemoveRecipient = () => useDigestMutation(removeRecipient);
