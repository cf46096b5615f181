import { z } from 'zod';

import { MetricKind } from '@pulse/shared/metrics/scales';

/** Channels are part of document ids: a short lower-case token. */
export const Channel = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'Expected a channel name such as email or web');

/**
 * What one response tells the rollups, as of one revision: the fixed facts that place it in a
 * bucket (survey, touchpoint, channel, when it was first answered) and its current score.
 * A response's bucket never moves; only its score and confirmation change from revision to revision.
 */
export const Observation = z.object({
  responseId: z.string().min(1).max(64),
  /** Increases with every change of the response; the highest revision seen wins. */
  revision: z.number().int().nonnegative(),
  surveyId: z.string().min(1).max(64),
  touchpointId: z.string().min(1).max(64).nullable(),
  channel: Channel,
  answeredAt: z.date(),
  kind: MetricKind,
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  /** The score now; null when the answer was withdrawn or the question left blank. */
  score: z.number().int().nullable(),
  /** Provisional answers (a click not yet confirmed) never count. */
  confirmed: z.boolean(),
});
export type Observation = z.infer<typeof Observation>;

export const seriesKey = (o: Pick<Observation, 'surveyId' | 'touchpointId' | 'channel'>) =>
  `${o.surveyId}|${o.touchpointId ?? '-'}|${o.channel}`;

export const rollupId = (organisationId: string, series: string, month: string) =>
  `${organisationId}|${series}|${month}`;

export const seriesDocId = (organisationId: string) => organisationId;

/** The score an observation contributes: only confirmed answers with a score count. */
export const contributionOf = (o: Pick<Observation, 'score' | 'confirmed'>): number | null =>
  o.confirmed && o.score !== null ? o.score : null;
