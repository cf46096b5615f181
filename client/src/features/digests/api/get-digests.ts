import { DigestRecipientsResponse, MyDigestResponse } from '@pulse/shared/schemas/digests';
import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const digestsQueryKey = ['digests'] as const;

export const useMyDigest = () =>
  useQuery(
    queryOptions({
      queryKey: [...digestsQueryKey, 'me'],
      queryFn: ({ signal }) => apiFetch('/api/v1/digests/me', { schema: MyDigestResponse, signal }),
    }),
  );

export const useDigestRecipients = (enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: [...digestsQueryKey, 'recipients'],
      queryFn: ({ signal }) => apiFetch('/api/v1/digests/recipients', { schema: DigestRecipientsResponse, signal }),
      enabled,
    }),
  );

/** The touchpoints a digest may be narrowed to (features read their own copy). */
export const useTouchpointOptions = () =>
  useQuery(
    queryOptions({
      queryKey: [...digestsQueryKey, 'touchpoints'],
      queryFn: ({ signal }) => apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal }),
      select: (d) => d.touchpoints.map((t) => ({ value: t.id, label: t.name })),
    }),
  );
