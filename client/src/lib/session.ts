import { can, type Permission } from '@pulse/shared/permissions';
import { SessionResponse } from '@pulse/shared/schemas/auth';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { apiFetch, isApiError } from './api-client';

export const sessionQueryKey = ['session'] as const;

/** Signed out is an answer, not a failure: it resolves to null so screens can branch on it. */
export async function getSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    return await apiFetch('/api/v1/auth/session', { schema: SessionResponse, signal });
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) return null;
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
  });

export const useSession = () => useQuery(sessionQueryOptions());

/** For screens inside the signed-in shell, whose guard has already waited for a session. */
export function useCurrentSession(): SessionResponse {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession() is only for routes behind RequireSession');
  return data;
}

/**
 * Login and signup store the new session the same way. Whatever else is cached may belong to a
 * session that expired in this tab, possibly someone else's, so it goes first.
 */
export function storeSession(queryClient: QueryClient, session: SessionResponse): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Whether the signed-in role may do something; the server enforces the same table. */
export const useCan = (permission: Permission): boolean => can(useCurrentSession().role, permission);
