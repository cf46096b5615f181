import type { SignupBody } from '@pulse/shared/schemas/auth';
import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

// The server answers 202 whether or not the address has an account; the mail tells which.
export const signUp = (body: SignupBody) => apiFetch('/api/v1/auth/signup', { method: 'POST', body });

export const useSignUp = () => useMutation({ mutationFn: signUp });
