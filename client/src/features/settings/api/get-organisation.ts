import { Organisation } from '@pulse/shared/schemas/organisation';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const organisationQueryKey = ['organisation'] as const;

export const getOrganisation = (signal?: AbortSignal) =>
  apiFetch('/api/v1/organisation', { schema: Organisation, signal });

export const organisationQueryOptions = () =>
  queryOptions({ queryKey: organisationQueryKey, queryFn: ({ signal }) => getOrganisation(signal) });

export const useOrganisation = () => useQuery(organisationQueryOptions());
