import { z } from 'zod';

import { DayKey } from '../metrics/calendar';
import { MetricKind } from '../metrics/scales';
import { Id, IsoDate, singleLine } from './common';

export const ShareExpiry = z.enum(['7d', '30d', '90d', 'never']);
export type ShareExpiry = z.infer<typeof ShareExpiry>;

/**
 * What a shared link shows: one metric, the chosen touchpoints (none = all) and a period, either
 * fixed days or the last N days as of each visit.
 */
export const ShareSelection = z
  .strictObject({
    kind: MetricKind.default('nps'),
    touchpointIds: z.array(Id).max(50).default([]),
    from: DayKey.optional(),
    to: DayKey.optional(),
    lastDays: z.number().int().min(1).max(366).optional(),
  })
  .refine((s) => (s.from && s.to ? !s.lastDays : !s.from && !s.to), {
    message: 'give either from and to, or lastDays',
    path: ['from'],
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { message: 'must not be after `to`', path: ['from'] });
export type ShareSelection = z.infer<typeof ShareSelection>;

export const CreateSharedLinkBody = z.strictObject({
  name: singleLine(120),
  selection: ShareSelection,
  expiresIn: ShareExpiry,
  /** Comments are personal words: hidden unless the admin chooses to show them. */
  showComments: z.boolean().default(false),
  /** Groups with fewer responses than this show no figure at all (not a 0). */
  minGroupSize: z.number().int().min(1).max(1000).default(5),
});
export type CreateSharedLinkBody = z.infer<typeof CreateSharedLinkBody>;

export const SharedLinkParams = z.object({ linkId: Id });

export const SharedLink = z.object({
  id: Id,
  name: z.string(),
  selection: z.object({
    kind: MetricKind,
    touchpointIds: z.array(z.string()),
    from: DayKey.nullable(),
    to: DayKey.nullable(),
    lastDays: z.number().nullable(),
  }),
  showComments: z.boolean(),
  minGroupSize: z.number().int(),
  expiresAt: IsoDate.nullable(),
  revokedAt: IsoDate.nullable(),
  createdAt: IsoDate,
});
export type SharedLink = z.infer<typeof SharedLink>;

/** The token is in the response once, at creation: only a hash of it is stored. */
export const CreatedSharedLinkResponse = z.object({ link: SharedLink, token: z.string() });
export const SharedLinksResponse = z.object({ links: z.array(SharedLink) });

export const SharedResultsParams = z.object({ token: z.string().min(1).max(200) });

const Interval = z.object({ low: z.number(), high: z.number() });

/** A group's figure, or nothing at all when it has fewer answers than the link's minimum. */
export const SharedFigure = z.discriminatedUnion('suppressed', [
  z.object({
    suppressed: z.literal(false),
    n: z.number().int(),
    score: z.number().nullable(),
    interval: Interval.nullable(),
  }),
  z.object({ suppressed: z.literal(true) }),
]);
export type SharedFigure = z.infer<typeof SharedFigure>;

export const SharedResultsResponse = z.object({
  name: z.string(),
  organisationName: z.string(),
  kind: MetricKind,
  period: z.object({ from: DayKey, to: DayKey }),
  timeZone: z.string(),
  minGroupSize: z.number().int(),
  /** Over the groups shown: a hidden group is left out, or it could be had by difference. */
  overall: SharedFigure,
  touchpoints: z.array(z.object({ name: z.string(), figure: SharedFigure })),
  /** Only when the link was created with comments shown, and only from groups shown. */
  comments: z.array(z.object({ day: DayKey, score: z.number(), comment: z.string() })).nullable(),
});
export type SharedResultsResponse = z.infer<typeof SharedResultsResponse>;
