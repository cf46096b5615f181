import type { Scale } from '@pulse/shared/metrics/scales';

import type { Ctx } from '../../lib/context';
import { streamResponses, type ResponseFacts } from '../responses/responses.read';
import { getSurveyVersion } from '../surveys/surveys.service';
import { parseStored } from '../surveys/surveys.presenter';
import type { RawResponseSource } from './raw-responses';
import type { Observation } from './rollup-keys';

/**
 * A published survey version is frozen, so its scale is too: remembered per process. Bounded,
 * because a worker lives for weeks and sees every organisation's surveys.
 */
const scales = new Map<string, Scale>();
const MAX_SCALES = 5_000;

export async function scaleOf(ctx: Ctx, surveyId: string, version: number): Promise<Scale> {
  const key = `${ctx.organisationId}|${surveyId}|${version}`;
  const known = scales.get(key);
  if (known) return known;
  const found = await getSurveyVersion(ctx, surveyId, version);
  if (!found) throw new Error(`survey ${surveyId} has no published version ${version}`);
  const { scale } = parseStored(found.definition).primary;
  if (scales.size >= MAX_SCALES) scales.clear();
  scales.set(key, { min: scale.min, max: scale.max });
  return scale;
}

/** A stored response as the rollups see it: its seq is the revision, only a confirmed score counts. */
export const observationOf = (r: ResponseFacts, scale: Scale): Observation => ({
  responseId: String(r._id),
  revision: r.seq,
  surveyId: String(r.surveyId),
  touchpointId: r.touchpointId ? String(r.touchpointId) : null,
  channel: r.channel,
  answeredAt: r.answeredAt,
  kind: r.kind,
  scale,
  score: r.score,
  confirmed: r.state === 'confirmed',
});

/** The real raw responses, read through the responses module: what the rebuild job recomputes from. */
export const storedResponses: RawResponseSource = {
  async *observations(ctx, range) {
    for await (const r of streamResponses(ctx, range ?? {}))
      yield observationOf(r, await scaleOf(ctx, String(r.surveyId), r.surveyVersion));
  },
};
