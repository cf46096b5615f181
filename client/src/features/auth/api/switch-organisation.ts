import { SessionResponse } from '@pulse/shared/schemas/auth';
import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const switchOrganisation = (organisationId: string) =>
  apiFetch('/api/v1/auth/switch-organisation', { method: 'POST', body: { organisationId }, schema: SessionResponse });

/**
 * Everything cached belongs to the organisation being left, so switching ends with a full page
 * load at home, as logging out and accepting an invitation do: nothing from the other one survives.
 */
export const useSwitchOrganisation = () =>
  useMutation({ mutationFn: switchOrganisation, onSuccess: () => window.location.assign('/') });
