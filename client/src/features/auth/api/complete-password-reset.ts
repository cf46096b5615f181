import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const completePasswordReset = (body: { token: string; password: string }) =>
  apiFetch('/api/v1/auth/password-reset/complete', { method: 'POST', body });

export const useCompletePasswordReset = () => useMutation({ mutationFn: completePasswordReset });
