import type { AuditAction } from '@pulse/shared/schemas/audit';

/** Each action as a sentence whose subject is the actor column: "Jo · invited a teammate". */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.signup': 'Signed up and created the organisation',
  'auth.login': 'Logged in',
  'auth.logout': 'Logged out',
  'auth.password_changed': 'Changed their password',
  'auth.password_reset': 'Reset their password by email',
  'auth.email_verified': 'Verified their email address',
  'member.invited': 'Invited a teammate',
  'member.joined': 'Joined the organisation',
  'member.role_changed': 'Changed a teammate’s role',
  'member.removed': 'Removed a teammate',
  'invitation.revoked': 'Revoked an invitation',
  'apikey.created': 'Created an API key',
  'apikey.revoked': 'Revoked an API key',
  'organisation.updated': 'Updated the organisation settings',
};
