import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const requestPasswordReset = (email: string) =>
  apiFetch('/api/v1/auth/password-reset/request', { method: 'POST', body: { email } });

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });
