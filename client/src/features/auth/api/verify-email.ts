import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../lib/session';

export const verifyEmail = (token: string) =>
  apiFetch('/api/v1/auth/verify-email', { method: 'POST', body: { token } });

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
