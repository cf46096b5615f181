import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  apiFetch('/api/v1/auth/password', { method: 'POST', body });

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
