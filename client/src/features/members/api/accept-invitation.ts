import type { AcceptInvitationBody } from '@pulse/shared/schemas/members';
import { SessionResponse } from '@pulse/shared/schemas/auth';
import { useMutation } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const acceptInvitation = (body: AcceptInvitationBody) =>
  apiFetch('/api/v1/invitations/accept', { method: 'POST', body, schema: SessionResponse });

/**
 * Accepting signs in as the invitee, possibly replacing someone else's session in this browser,
 * so it ends with a full page load into the new organisation: nothing cached survives.
 */
export const useAcceptInvitation = () =>
  useMutation({ mutationFn: acceptInvitation, onSuccess: () => window.location.assign('/') });
