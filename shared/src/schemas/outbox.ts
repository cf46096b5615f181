import { z } from 'zod';

/** A message caught by the development mail catcher. */
export const CaughtMail = z.object({
  id: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  /** List-Unsubscribe and friends, lower-cased names. */
  headers: z.record(z.string(), z.string()).default({}),
  receivedAt: z.iso.datetime(),
});
export type CaughtMail = z.infer<typeof CaughtMail>;

export const OutboxQuery = z.strictObject({
  to: z.email().optional(),
});

export const OutboxResponse = z.object({ messages: z.array(CaughtMail) });
export type OutboxResponse = z.infer<typeof OutboxResponse>;
