import { z } from 'zod';

import { DayKey } from '../metrics/calendar';
import { MetricKind } from '../metrics/scales';

/** The closed-loop report's filters; the page keeps them in its URL like the analytics pages. */
export const ClosedLoopQuery = z.strictObject({
  kind: MetricKind.default('nps'),
  /** First local day included (reporting zone); default 29 days before `to`. */
  from: DayKey.optional(),
  to: DayKey.optional(),
  touchpointId: z
    .string()
    .regex(/^[0-9a-f]{24}$/, 'must be a touchpoint id')
    .optional(),
});
export type ClosedLoopQuery = z.infer<typeof ClosedLoopQuery>;

const Interval = z.object({ low: z.number(), high: z.number() });

/** count of n, its share and the Wilson 95% interval; share and interval null when n is 0. */
export const Share = z.object({
  n: z.number().int(),
  count: z.number().int(),
  share: z.number().nullable(),
  interval: Interval.nullable(),
});
export type Share = z.infer<typeof Share>;

/** Hours from opening: nearest-rank median and p90, each with its order-statistic 95% interval. */
export const Duration = z.object({
  n: z.number().int(),
  medianHours: z.number().nullable(),
  medianInterval: Interval.nullable(),
  p90Hours: z.number().nullable(),
  p90Interval: Interval.nullable(),
});
export type Duration = z.infer<typeof Duration>;

export const Recovery = z.object({
  /** Contacts with a closed case on a detractor answer of the period, and a later answer. */
  closedLoop: Share.extend({ awaiting: z.number().int() }),
  /** Contacts whose detractor answers of the period had no case, and a later answer. */
  noCase: Share.extend({ awaiting: z.number().int() }),
  /** closedLoop − noCase in percentage points: two-proportion z test, unpooled Wald interval. */
  difference: z.object({
    points: z.number().nullable(),
    interval: Interval.nullable(),
    pValue: z.number().nullable(),
    significant: z.boolean(),
  }),
});
export type Recovery = z.infer<typeof Recovery>;

export const LoopFigures = z.object({
  detractors: z.number().int(),
  withCase: Share,
  firstResponse: Duration,
  close: Duration,
  withinSla: Share,
  reopened: Share,
  recovery: Recovery,
});
export type LoopFigures = z.infer<typeof LoopFigures>;

export const ClosedLoopResponse = z.object({
  kind: MetricKind,
  timeZone: z.string(),
  period: z.object({ from: DayKey, to: DayKey }),
  methods: z.object({ share: z.string(), duration: z.string(), difference: z.string() }),
  overall: LoopFigures,
  touchpoints: z.array(LoopFigures.extend({ touchpointId: z.string() })),
});
export type ClosedLoopResponse = z.infer<typeof ClosedLoopResponse>;
