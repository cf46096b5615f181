import { bandOf, type Band, type MetricKind, type Scale } from '@pulse/shared/metrics/scales';
import type { SurveyStatus } from '@pulse/shared/schemas/surveys';

export const KIND_LABELS: Record<MetricKind, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

export const STATUS_LABELS: Record<SurveyStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  archived: 'Archived',
};

export const STATUS_COLORS: Record<SurveyStatus, string> = {
  draft: 'gray',
  active: 'green',
  paused: 'yellow',
  archived: 'dark',
};

const BAND_NAMES: Record<Band, string> = {
  detractor: 'Detractors',
  passive: 'Passives',
  promoter: 'Promoters',
  low: 'Low scores',
  neutral: 'Neutral scores',
  high: 'High scores',
};

/** "Detractors (0–6)": the band with the scores it covers on this scale. */
export function bandLabel(kind: MetricKind, scale: Scale, band: Band): string {
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i).filter(
    (s) => bandOf(kind, scale, s) === band,
  );
  const range = scores.length > 1 ? `${scores[0]}–${scores.at(-1)}` : String(scores[0] ?? '');
  return range ? `${BAND_NAMES[band]} (${range})` : BAND_NAMES[band];
}

export const QUESTION_TYPE_LABELS = {
  text: 'Open text',
  single: 'Single choice',
  multiple: 'Multiple choice',
  rating: 'Extra rating',
} as const;
