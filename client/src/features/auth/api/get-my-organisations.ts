import { MyOrganisationsResponse } from '@pulse/shared/schemas/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const myOrganisationsQueryKey = ['my-organisations'] as const;

export const getMyOrganisations = (signal?: AbortSignal) =>
  apiFetch('/api/v1/auth/organisations', { schema: MyOrganisationsResponse, signal });

export const myOrganisationsQueryOptions = () =>
  queryOptions({
    queryKey: myOrganisationsQueryKey,
    queryFn: ({ signal }) => getMyOrganisations(signal),
    // Joining another organisation ends in a full page load, so the list rarely goes stale in a tab.
    staleTime: 5 * 60_000,
  });

export const useMyOrganisations = () => useQuery(myOrganisationsQueryOptions());
