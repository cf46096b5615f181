import { z } from 'zod';

import { Id, IsoDate } from './common';
import { SkipReason } from './interactions';
import { Channel } from './touchpoints';

/**
 * queued → sending → sent → (bounced | opened → clicked → responded) | expired | failed, moved by
 * conditional updates. `skipped` is a decision not to send, recorded like a send so the log shows it.
 */
export const InvitationState = z.enum([
  'skipped',
  'queued',
  'sending',
  'sent',
  'bounced',
  'opened',
  'clicked',
  'responded',
  'expired',
  'failed',
]);
export type InvitationState = z.infer<typeof InvitationState>;

export const Invitation = z.object({
  id: Id,
  touchpointId: Id,
  touchpointKey: z.string(),
  surveyId: Id.nullable(),
  contactId: Id,
  channel: Channel,
  state: InvitationState,
  reason: SkipReason.nullable(),
  to: z.string().nullable(),
  sendAt: IsoDate.nullable(),
  sentAt: IsoDate.nullable(),
  expiresAt: IsoDate.nullable(),
  remindersSent: z.number().int(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  history: z.array(z.object({ state: InvitationState, at: IsoDate })),
  createdAt: IsoDate,
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationsQuery = z.strictObject({
  touchpointId: Id.optional(),
  state: InvitationState.optional(),
  reason: SkipReason.optional(),
  contactId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,15}_[a-f0-9]{24}$/, 'must be a nextCursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const InvitationsResponse = z.object({ invitations: z.array(Invitation), nextCursor: z.string().nullable() });

export const EmailPreviewQuery = z.strictObject({
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z][A-Za-z]{1,3})?$/)
    .optional(),
});
export const EmailPreviewResponse = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  renderMs: z.number(),
});
