import { z } from 'zod';

import { Id, IsoDate } from './common';
import { Attributes, ContactInput } from './contacts';
import { Channel, TouchpointKey } from './touchpoints';

export const MAX_BATCH = 1_000;

/** Something happened to a customer at a touchpoint; Pulse decides whether to ask them about it. */
export const Interaction = z.strictObject({
  touchpoint: TouchpointKey,
  contact: ContactInput,
  occurredAt: IsoDate.optional(),
  /** Overrides the touchpoint rule's channel for this interaction. */
  channel: Channel.optional(),
  /** A retried call with the same key answers the same and creates nothing new. */
  idempotencyKey: z.string().min(1).max(200).optional(),
  attributes: Attributes.optional(),
});
export type Interaction = z.infer<typeof Interaction>;

export const IngestBody = z.union([
  z.strictObject({ interactions: z.array(Interaction).min(1).max(MAX_BATCH) }),
  Interaction,
]);
export type IngestBody = z.infer<typeof IngestBody>;

export const SkipReason = z.enum([
  'sampled_out',
  'fatigued',
  'suppressed',
  'no_email',
  'survey_paused',
  'duplicate',
  'no_survey',
]);
export type SkipReason = z.infer<typeof SkipReason>;

export const Decision = z.object({
  /** Position in the request's batch (0 for a single interaction). */
  index: z.number().int(),
  outcome: z.enum(['invited', 'skipped']),
  reason: SkipReason.nullable(),
  invitationId: Id,
  contactId: Id,
  channel: Channel,
  /** When the email goes out (after delay and quiet hours). */
  sendAt: IsoDate.nullable(),
  /** The personal survey link, for the link channel: the caller delivers it. */
  url: z.string().nullable(),
  /** True when this answer replays an earlier call with the same idempotency key. */
  replayed: z.boolean(),
});
export type Decision = z.infer<typeof Decision>;

export const IngestResponse = z.object({ decisions: z.array(Decision) });
export type IngestResponse = z.infer<typeof IngestResponse>;
