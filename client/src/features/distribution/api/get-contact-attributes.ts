import { ContactAttributesResponse } from '@pulse/shared/schemas/contacts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const contactAttributesQueryOptions = () =>
  queryOptions({
    queryKey: ['contacts', 'attributes'],
    queryFn: ({ signal }) => apiFetch('/api/v1/contacts/attributes', { schema: ContactAttributesResponse, signal }),
  });

/** Attribute keys with their types: the filter's choices, and how an import types its columns. */
export const useContactAttributes = () => useQuery(contactAttributesQueryOptions());
