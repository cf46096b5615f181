import { z } from 'zod';

import { Email, Id, IsoDate } from './common';
import { TimeZone } from './organisation';

export const DigestFrequency = z.enum(['daily', 'weekly', 'monthly']);
export type DigestFrequency = z.infer<typeof DigestFrequency>;

/** How a digest is timed and what it covers; the same for a teammate and an outside recipient. */
export const DigestSettings = z
  .object({
    frequency: DigestFrequency,
    /** The local hour it arrives at in `timeZone`: weekly on Mondays, monthly on the 1st. */
    hour: z.number().int('must be a whole hour').min(0, 'must be 0 to 23').max(23, 'must be 0 to 23'),
    timeZone: TimeZone,
    /** Touchpoints it reports on; empty = all of them. */
    touchpointIds: z.array(Id).max(100).default([]),
  })
  .strict();
export type DigestSettings = z.infer<typeof DigestSettings>;

export const RecipientBody = DigestSettings.extend({ email: Email }).strict();
export type RecipientBody = z.infer<typeof RecipientBody>;

export const UpdateRecipientBody = DigestSettings.partial().strict();

export const RecipientParams = z.object({ subscriptionId: Id }).strict();

export const DigestSubscription = z.object({
  id: z.string(),
  /** A teammate's own digest, or one an admin set up for an address without an account. */
  kind: z.enum(['member', 'recipient']),
  email: z.string(),
  frequency: DigestFrequency,
  hour: z.number().int(),
  timeZone: z.string(),
  touchpointIds: z.array(z.string()),
  active: z.boolean(),
  /** The period of the last digest sent or skipped, e.g. 2026-12-02, 2026-W49, 2026-12. */
  lastPeriod: z.string().nullable(),
  lastSentAt: IsoDate.nullable(),
  /** The next time a digest is due, in UTC. */
  nextDueAt: IsoDate,
});
export type DigestSubscription = z.infer<typeof DigestSubscription>;

export const MyDigestResponse = z.object({ subscription: DigestSubscription.nullable() });
export const DigestSubscriptionResponse = z.object({ subscription: DigestSubscription });
export const DigestRecipientsResponse = z.object({ subscriptions: z.array(DigestSubscription) });

export const DigestPreviewResponse = z.object({
  emailId: z.string(),
  /** What the preview found; a preview is sent even when nothing is new. */
  nothingNew: z.boolean(),
});

export const UnsubscribeParams = z.object({ token: z.string().min(10).max(200) }).strict();
