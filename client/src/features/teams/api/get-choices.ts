import { MembersResponse } from '@pulse/shared/schemas/members';
import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

/** The people and touchpoints a team or rule can name, under the keys their own pages use. */
export const useMemberChoices = () =>
  useQuery(
    queryOptions({
      queryKey: ['members'],
      queryFn: ({ signal }) => apiFetch('/api/v1/members', { schema: MembersResponse, signal }),
      select: (d) => d.members.map((m) => ({ value: m.userId, label: m.name || m.email })),
    }),
  );

export const useTouchpointChoices = () =>
  useQuery(
    queryOptions({
      queryKey: ['touchpoints'],
      queryFn: ({ signal }) => apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal }),
      select: (d) => d.touchpoints.map((t) => ({ value: t.id, label: t.name })),
    }),
  );
