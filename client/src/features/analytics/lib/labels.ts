import type { MetricKind } from '@pulse/shared/metrics/scales';

export const METRIC_LABELS: Record<MetricKind, { short: string; long: string; score: string }> = {
  nps: { short: 'NPS', long: 'Net Promoter Score', score: 'promoters minus detractors' },
  csat: { short: 'CSAT', long: 'Customer satisfaction', score: 'share answering in the top two boxes' },
  ces: { short: 'CES', long: 'Customer effort', score: 'share agreeing it was easy' },
};

/** Surveys and channels by their key; a touchpoint by its name (useTouchpointLabel), this only as its fallback. */
export const dimensionLabel = (key: string): string => (key === '-' ? 'No touchpoint' : key);
