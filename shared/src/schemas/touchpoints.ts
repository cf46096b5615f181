import { z } from 'zod';

import { Id, IsoDate } from './common';

export const Channel = z.enum(['email', 'link']);
export type Channel = z.infer<typeof Channel>;

/** A touchpoint key as other systems send it: `support_ticket_closed`. */
export const TouchpointKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, 'must be 2–63 lowercase letters, digits or underscores, starting with a letter');

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

// Building an Intl.DateTimeFormat to test a zone costs ~0.1 ms, more than the rest of an
// interaction's check; imports and batches name the same few zones again and again. Only zones
// that passed are kept, so the set never outgrows the IANA list.
const knownZones = new Set<string>();

/** An IANA zone the runtime knows ("Asia/Kolkata"); "UTC" included. */
export const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    if (knownZones.has(zone)) return true;
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      knownZones.add(zone);
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Paris');

/**
 * When and how Pulse asks after an interaction at this touchpoint. `surveyId` null means the
 * touchpoint is recorded but nobody is asked yet.
 */
export const DistributionRules = z.strictObject({
  surveyId: Id.nullable().default(null),
  channel: Channel.default('email'),
  /** Paused rules record every interaction and skip with `survey_paused`. */
  paused: z.boolean().default(false),
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(0),
  /** Share of interactions that get an invitation. */
  samplingPercent: z.number().min(0).max(100).default(100),
  /** At most one invitation per contact in this many days, across every survey; 0 = no limit. */
  fatigueDays: z.number().int().min(0).max(365).default(0),
  /** No email between these clock times in the contact's zone (the window may span midnight). */
  quietHours: z.strictObject({ start: ClockTime, end: ClockTime }).nullable().default(null),
  reminders: z
    .strictObject({
      count: z.number().int().min(0).max(3),
      spacingHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 14),
    })
    .default({ count: 0, spacingHours: 72 }),
  expiryDays: z.number().int().min(1).max(365).default(30),
});
export type DistributionRules = z.infer<typeof DistributionRules>;

export const Touchpoint = z.object({
  id: Id,
  key: TouchpointKey,
  name: z.string(),
  stage: z.string(),
  order: z.number().int(),
  defaultChannel: Channel,
  rules: DistributionRules,
  ownerTeamId: Id.nullable(),
  ownerUserIds: z.array(Id),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Touchpoint = z.infer<typeof Touchpoint>;

/** Who owns the touchpoint's figures (told of a significant drop): a team, people, or both. */
const owners = {
  ownerTeamId: Id.nullable().optional(),
  ownerUserIds: z
    .array(Id)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'lists someone twice')
    .optional(),
};

export const CreateTouchpointBody = z.strictObject({
  key: TouchpointKey,
  name: z.string().trim().min(1).max(100),
  /** A journey stage such as "Onboarding" or "Support"; managers read stages left to right. */
  stage: z.string().trim().min(1).max(60),
  order: z.number().int().min(0).max(10_000).default(0),
  defaultChannel: Channel.default('email'),
  rules: DistributionRules.optional(),
  ...owners,
});
export type CreateTouchpointBody = z.infer<typeof CreateTouchpointBody>;

export const UpdateTouchpointBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  stage: z.string().trim().min(1).max(60).optional(),
  order: z.number().int().min(0).max(10_000).optional(),
  defaultChannel: Channel.optional(),
  rules: DistributionRules.optional(),
  ...owners,
});
export type UpdateTouchpointBody = z.infer<typeof UpdateTouchpointBody>;

export const TouchpointParams = z.strictObject({ touchpointId: Id });
export const TouchpointResponse = z.object({ touchpoint: Touchpoint });
/** In journey order: stage order first, then order within the stage. */
export const TouchpointsResponse = z.object({ touchpoints: z.array(Touchpoint) });
