import { TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

/** The touchpoints a rule can name, under the key their own page uses. */
export const useTouchpointChoices = () =>
  useQuery(
    queryOptions({
      queryKey: ['touchpoints'],
      queryFn: ({ signal }) => apiFetch('/api/v1/touchpoints', { schema: TouchpointsResponse, signal }),
      select: (d) => d.touchpoints.map((t) => ({ value: t.id, label: t.name })),
    }),
  );
