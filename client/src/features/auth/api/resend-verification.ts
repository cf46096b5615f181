import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const resendVerification = () => apiFetch('/api/v1/auth/resend-verification', { method: 'POST' });

export const useResendVerification = () => useMutation({ mutationFn: resendVerification });
