import { z } from 'zod';

import { Id } from './common';

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
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEvent = z.object({
  id: Id,
  action: AuditAction,
  actor: z.object({ kind: z.enum(['user', 'apiKey', 'system']), id: z.string().nullable(), label: z.string() }),
  /** What the action was done to, in words a person reads: "jo@example.com", "CRM sync key". */
  target: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  ip: z.string().nullable(),
  at: z.iso.datetime(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditLogResponse = z.object({ events: z.array(AuditEvent), nextCursor: z.string().nullable() });
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;
