import { SessionResponse, type SignupBody } from '@pulse/shared/schemas/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { storeSession } from '../../../lib/session';

export const signUp = (body: SignupBody) =>
  apiFetch('/api/v1/auth/signup', { method: 'POST', body, schema: SessionResponse });

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signUp, onSuccess: (session) => storeSession(queryClient, session) });
}
