import { ContactsResponse } from '@pulse/shared/schemas/contacts';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

/** The contacts page's filters as the URL holds them. */
export interface ContactFilters {
  q?: string;
  suppressed?: 'true' | 'false';
  /** One attribute filter: `attr.<key>=<value>` on the wire. */
  attribute?: { key: string; value: string };
}

export const contactsQueryKey = ['contacts'] as const;

export const contactsQueryOptions = (filters: ContactFilters) =>
  infiniteQueryOptions({
    queryKey: [...contactsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiFetch('/api/v1/contacts', {
        query: {
          q: filters.q,
          suppressed: filters.suppressed,
          ...(filters.attribute?.value ? { [`attr.${filters.attribute.key}`]: filters.attribute.value } : {}),
          cursor: pageParam,
          limit: 50,
        },
        schema: ContactsResponse,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useContacts = (filters: ContactFilters) => useInfiniteQuery(contactsQueryOptions(filters));
