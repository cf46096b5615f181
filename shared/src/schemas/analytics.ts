import { z } from 'zod';

import { Band, MetricKind } from '../metrics/scales';
import { DayKey, Granularity } from '../metrics/calendar';

/** Filters every analytics read takes; the dashboard keeps them in its URL. */
export const MetricsFilter = z.strictObject({
  kind: MetricKind.default('nps'),
  /** First local day included, in the organisation's reporting zone; default 29 days before `to`. */
  from: DayKey.optional(),
  /** Last local day included; default today. */
  to: DayKey.optional(),
  surveyId: z.string().min(1).max(64).optional(),
  touchpointId: z.string().min(1).max(64).optional(),
  channel: z.string().min(1).max(32).optional(),
});
export type MetricsFilter = z.infer<typeof MetricsFilter>;

export const TrendQuery = MetricsFilter.extend({ granularity: Granularity.default('month') });
export type TrendQuery = z.infer<typeof TrendQuery>;

export const BreakdownBy = z.enum(['touchpoint', 'channel', 'survey']);
export const BreakdownQuery = MetricsFilter.extend({ by: BreakdownBy });
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

const Interval = z.object({ low: z.number(), high: z.number() });

export const Figure = z.object({
  n: z.number().int(),
  enough: z.boolean(),
  score: z.number().nullable(),
  interval: Interval.nullable(),
  mean: z.number().nullable(),
  meanInterval: Interval.nullable(),
  bands: z.record(z.string(), z.number()),
  distribution: z.array(z.object({ score: z.number(), count: z.number() })),
});
export type Figure = z.infer<typeof Figure>;

export const Change = z.object({
  difference: z.number().nullable(),
  interval: Interval.nullable(),
  pValue: z.number().nullable(),
  significant: z.boolean(),
  direction: z.enum(['up', 'down', 'flat']),
});
export type Change = z.infer<typeof Change>;

const Period = z.object({ from: DayKey, to: DayKey });

const Context = z.object({
  kind: MetricKind,
  scale: z.object({ min: z.number(), max: z.number() }),
  timeZone: z.string(),
  minResponses: z.number(),
  period: Period,
});

export const SummaryResponse = Context.extend({
  /** The surveys, touchpoints and channels with answers of this metric: the dashboard's filter choices. */
  dimensions: z.object({
    surveys: z.array(z.string()),
    touchpoints: z.array(z.string()),
    channels: z.array(z.string()),
    /** Touchpoint id → its name, for every touchpoint of the organisation: the dashboard shows names, not ids. */
    touchpointNames: z.record(z.string(), z.string()),
  }),
  figure: Figure,
  previous: Period.extend({ figure: Figure }),
  /** Headline change against the previous period of the same length, flagged only when significant. */
  change: Change,
  meanChange: Change,
});
export type SummaryResponse = z.infer<typeof SummaryResponse>;

export const TrendResponse = Context.extend({
  granularity: Granularity,
  points: z.array(z.object({ bucket: z.string(), from: DayKey, to: DayKey, figure: Figure })),
});
export type TrendResponse = z.infer<typeof TrendResponse>;

export const BreakdownResponse = Context.extend({
  by: BreakdownBy,
  groups: z.array(z.object({ key: z.string(), figure: Figure, change: Change })),
});
export type BreakdownResponse = z.infer<typeof BreakdownResponse>;

/** The same touchpoint on each channel, and whether the best and worst channel really differ. */
export const ChannelsResponse = Context.extend({
  touchpoints: z.array(
    z.object({
      touchpointId: z.string(),
      channels: z.array(z.object({ channel: z.string(), figure: Figure })),
      /** Worst channel against best: significant only when the gap is unlikely to be noise. */
      gap: Change.extend({ best: z.string().nullable(), worst: z.string().nullable() }),
    }),
  ),
});
export type ChannelsResponse = z.infer<typeof ChannelsResponse>;

export const HeatmapResponse = Context.extend({
  months: z.array(z.string()),
  rows: z.array(
    z.object({ touchpointId: z.string(), cells: z.array(z.object({ month: z.string(), figure: Figure })) }),
  ),
});
export type HeatmapResponse = z.infer<typeof HeatmapResponse>;

/** What the live stream says when a rollup changed: enough for the dashboard to refetch what it shows. */
export const RollupChanged = z.object({
  surveyId: z.string(),
  touchpointId: z.string().nullable(),
  channel: z.string(),
  day: DayKey,
});
export type RollupChanged = z.infer<typeof RollupChanged>;

/** Verbatims: confirmed answers with a comment, filtered like the dashboard, newest first. */
export const VerbatimsQuery = MetricsFilter.extend({
  band: Band.optional(),
  /** Words the comment contains (case-insensitive, taken literally). */
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}_[a-f0-9]{24}$/, 'must be a nextCursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type VerbatimsQuery = z.infer<typeof VerbatimsQuery>;

export const Verbatim = z.object({
  id: z.string(),
  score: z.number(),
  band: Band,
  surveyId: z.string(),
  touchpointId: z.string().nullable(),
  touchpointKey: z.string().nullable(),
  channel: z.string(),
  answeredAt: z.string(),
  /** The local day it was answered in the reporting zone. */
  day: DayKey,
  comment: z.string(),
});
export type Verbatim = z.infer<typeof Verbatim>;

export const VerbatimsResponse = z.object({
  timeZone: z.string(),
  verbatims: z.array(Verbatim),
  nextCursor: z.string().nullable(),
});
export type VerbatimsResponse = z.infer<typeof VerbatimsResponse>;

/** Segmentation by a contact attribute, as it was when each customer answered. */
export const SegmentsQuery = MetricsFilter.extend({
  attribute: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'Expected an attribute name such as plan'),
});
export type SegmentsQuery = z.infer<typeof SegmentsQuery>;

export const SegmentsResponse = Context.extend({
  attribute: z.string(),
  /** Responses read to answer (every confirmed answer of the period): the cost of a segment. */
  scanned: z.number().int(),
  segments: z.array(z.object({ value: z.string(), figure: Figure })),
});
export type SegmentsResponse = z.infer<typeof SegmentsResponse>;
