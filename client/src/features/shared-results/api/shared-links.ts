import {
  CreatedSharedLinkResponse,
  SharedLinksResponse,
  SharedResultsResponse,
  type CreateSharedLinkBody,
} from '@pulse/shared/schemas/shared-results';
import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

const KEY = ['shared-links'] as const;

export const useSharedLinks = () =>
  useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiFetch('/api/v1/shared-links', { schema: SharedLinksResponse, signal }),
  });

export function useCreateSharedLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSharedLinkBody) =>
      apiFetch('/api/v1/shared-links', { method: 'POST', body, schema: CreatedSharedLinkResponse }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeSharedLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      apiFetch(`/api/v1/shared-links/${encodeURIComponent(linkId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export const useShareTouchpoints = () =>
  useQuery({
    queryKey: [...KEY, 'touchpoints'],
    queryFn: ({ signal }) => apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal }),
  });

/** The public page's one read: no session, the token in the path. */
export const useSharedResults = (token: string) =>
  useQuery({
    queryKey: ['shared-results', token],
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/shared-results/${encodeURIComponent(token)}`, { schema: SharedResultsResponse, signal }),
    retry: false,
  });
