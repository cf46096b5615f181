import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const logOut = () => apiFetch('/api/v1/auth/logout', { method: 'POST' });

/**
 * A full page load, not a client-side navigation: it is the one way to be sure nothing the
 * previous user saw (query cache, half-filled forms) survives into the next person's session.
 */
export function useLogOut() {
  return useMutation({ mutationFn: logOut, onSuccess: () => window.location.assign('/login') });
}
