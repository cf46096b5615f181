import { MembersResponse } from '@pulse/shared/schemas/members';
import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { slaQueryKey } from './get-sla';

/** What a policy may name: touchpoints it covers, people a step reassigns to (features read their own copies). */
export const useTouchpointOptions = () =>
  useQuery(
    queryOptions({
      queryKey: [...slaQueryKey, 'touchpoints'],
      queryFn: ({ signal }) => apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal }),
      select: (d) => d.touchpoints.map((t) => ({ value: t.id, label: t.name })),
    }),
  );

export const useMemberOptions = () =>
  useQuery(
    queryOptions({
      queryKey: [...slaQueryKey, 'members'],
      queryFn: ({ signal }) => apiFetch('/api/v1/members', { schema: MembersResponse, signal }),
      select: (d) => d.members.map((m) => ({ value: m.id, label: m.name || m.email })),
    }),
  );
