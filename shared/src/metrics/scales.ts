import { z } from 'zod';

/**
 * The three experience metrics and their scales, defined once. Surveys, the respondent pages,
 * the email renderer, rollups and the dashboard all read these; statistics live beside them.
 */
export const MetricKind = z.enum(['nps', 'csat', 'ces']);
export type MetricKind = z.infer<typeof MetricKind>;

export interface Scale {
  min: number;
  max: number;
}

/** The scales each metric may be asked on; the first is the default. */
export const METRIC_SCALES: Record<MetricKind, readonly Scale[]> = {
  nps: [{ min: 0, max: 10 }],
  csat: [
    { min: 1, max: 5 },
    { min: 1, max: 3 },
    { min: 1, max: 7 },
  ],
  ces: [
    { min: 1, max: 7 },
    { min: 1, max: 5 },
  ],
};

export const isAllowedScale = (kind: MetricKind, scale: Scale): boolean =>
  METRIC_SCALES[kind].some((s) => s.min === scale.min && s.max === scale.max);

/** Score bands: which follow-ups and thank-you a respondent sees, and how alerts and reports group. */
export const NpsBand = z.enum(['detractor', 'passive', 'promoter']);
export const LevelBand = z.enum(['low', 'neutral', 'high']);
export const Band = z.enum([...NpsBand.options, ...LevelBand.options]);
export type Band = z.infer<typeof Band>;

export const bandsOf = (kind: MetricKind): readonly Band[] => (kind === 'nps' ? NpsBand.options : LevelBand.options);

/**
 * The scores that count as positive for the headline figure: NPS promoters (9–10), CSAT's top two
 * boxes of whatever scale, CES "agree" (5–7 on 1–7, 4–5 on 1–5).
 */
export function positiveFrom(kind: MetricKind, scale: Scale): number {
  if (kind === 'nps') return 9;
  if (kind === 'csat') return scale.max - 1;
  return scale.max === 7 ? 5 : 4;
}

/** NPS: 0–6 detractor, 7–8 passive, 9–10 promoter. CSAT/CES: positive scores high, below the midpoint low. */
export function bandOf(kind: MetricKind, scale: Scale, score: number): Band {
  if (kind === 'nps') return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
  if (score >= positiveFrom(kind, scale)) return 'high';
  const midpoint = (scale.min + scale.max) / 2;
  return score < midpoint ? 'low' : 'neutral';
}

export const isScoreOnScale = (scale: Scale, score: number): boolean =>
  Number.isInteger(score) && score >= scale.min && score <= scale.max;
