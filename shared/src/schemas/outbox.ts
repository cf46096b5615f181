import { z } from 'zod';

/** A message caught by the development mail catcher. */
export const CaughtMail = z.object({
  id: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  /** List-Unsubscribe and friends, and Reply-To; lower-cased names. */
  headers: z.record(z.string(), z.string()).default({}),
  receivedAt: z.iso.datetime(),
});
export type CaughtMail = z.infer<typeof CaughtMail>;

export const OutboxQuery = z.strictObject({
  to: z.email().optional(),
});

/** Mail the organisation itself sent, as Pulse stored it, with whether it went out. */
export const OutboxMessage = CaughtMail.extend({
  kind: z.string(),
  state: z.enum(['queued', 'sending', 'sent', 'failed']),
  /** Why the last attempt failed; for a `failed` mail, why it was given up. */
  lastError: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxResponse = z.object({ messages: z.array(OutboxMessage) });
export type OutboxResponse = z.infer<typeof OutboxResponse>;
