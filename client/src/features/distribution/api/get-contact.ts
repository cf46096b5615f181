import { ContactResponse } from '@pulse/shared/schemas/contacts';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { contactsQueryKey } from './get-contacts';

export const contactQueryOptions = (contactId: string) =>
  queryOptions({
    queryKey: [...contactsQueryKey, 'one', contactId],
    queryFn: ({ signal }) => apiFetch(`/api/v1/contacts/${contactId}`, { schema: ContactResponse, signal }),
    // The timeline moves while the page is open (sent, opened, responded).
    staleTime: 0,
  });

export const useContact = (contactId: string) => useQuery(contactQueryOptions(contactId));
