import { SessionResponse, type LoginBody } from '@pulse/shared/schemas/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { storeSession } from '../../../lib/session';

export const logIn = (body: LoginBody) =>
  apiFetch('/api/v1/auth/login', { method: 'POST', body, schema: SessionResponse });

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logIn, onSuccess: (session) => storeSession(queryClient, session) });
}
