import { z } from 'zod';

import { Id, PageQuery } from './common';

export const AuditAction = z.enum([
  'auth.signup',
  'auth.login',
  'auth.logout',
  'auth.password_changed',
  'auth.password_reset',
  'auth.email_verified',
  'member.invited',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'invitation.revoked',
  'apikey.created',
  'apikey.revoked',
  'organisation.updated',
  'audit.exported',
  'contact.erased',
  'contacts.imported',
  'survey.created',
  'survey.updated',
  'survey.published',
  'survey.paused',
  'survey.resumed',
  'survey.archived',
  'survey.duplicated',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * Each action as a sentence whose subject is the actor: "Jo · invited a teammate". Shared so the
 * audit page and the CSV export say the same thing, and a new action cannot ship unlabelled.
 */
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
  'audit.exported': 'Exported the audit log',
  'contact.erased': 'Erased a contact’s personal data',
  'contacts.imported': 'Imported contacts from a CSV file',
  'survey.created': 'Created a survey',
  'survey.updated': 'Edited a survey’s draft',
  'survey.published': 'Published a survey version',
  'survey.paused': 'Paused a survey',
  'survey.resumed': 'Resumed a survey',
  'survey.archived': 'Archived a survey',
  'survey.duplicated': 'Duplicated a survey',
};

/** The audit page's filters; `from` and `to` are instants, the client turns its days into them. */
export const AuditLogQuery = PageQuery.extend({
  action: AuditAction.optional(),
  /** A teammate's user id (AuditEvent.actor.id). */
  actorId: Id.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditEvent = z.object({
  id: Id,
  action: AuditAction,
  actor: z.object({
    kind: z.enum(['user', 'apiKey', 'system']),
    id: z.string().nullable(),
    /** The teammate's name as Team shows it, else what was recorded (an email, a key's name). */
    label: z.string(),
    /** The email address recorded for a teammate, beside their name; null for keys and Pulse. */
    email: z.string().nullable(),
  }),
  /** What the action was done to, in words a person reads: "jo@example.com", "CRM sync key". */
  target: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** IPv4 clients read as IPv4 (`127.0.0.1`, not `::ffff:127.0.0.1`). */
  ip: z.string().nullable(),
  at: z.iso.datetime(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditLogResponse = z.object({ events: z.array(AuditEvent), nextCursor: z.string().nullable() });
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;
