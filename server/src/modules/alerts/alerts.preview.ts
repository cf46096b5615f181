import {
  PREVIEW_CAP,
  PREVIEW_DAYS,
  type AlertCondition,
  type AlertRulePreviewResponse,
} from '@pulse/shared/schemas/alerts';

import type { Ctx } from '../../lib/context';
import { listResponses } from '../responses/responses.list';
import { matcherFor } from './alerts.match';
import { checkConditions } from './alerts.service';

const SAMPLES = 20;

/**
 * A rule draft against the organisation's confirmed responses of the last 30 days: how many it
 * would have matched, and a few of them, newest first. At most the 10,000 most recent are read (one
 * indexed query, then in memory, as the subscriber evaluates): the answer says when it was capped.
 */
export async function previewRule(
  ctx: Ctx,
  groups: AlertCondition[][],
  now = new Date(),
): Promise<AlertRulePreviewResponse> {
  await checkConditions(ctx, groups);
  const from = new Date(now.getTime() - PREVIEW_DAYS * 86_400_000);
  const { responses, nextCursor } = await listResponses(ctx, {
    state: 'confirmed',
    from: from.toISOString(),
    limit: PREVIEW_CAP,
  });
  let matched = 0;
  const samples: AlertRulePreviewResponse['samples'] = [];
  for (const r of responses) {
    const matches = matcherFor({
      score: r.score,
      band: r.band,
      touchpointId: r.touchpointId ? String(r.touchpointId) : null,
      channel: r.channel,
      comment: r.comment ?? null,
      contactAttributes: (r.contactAttributes ?? {}) as Record<string, unknown>,
    });
    if (!matches(groups)) continue;
    matched++;
    if (samples.length < SAMPLES)
      samples.push({
        responseId: String(r._id),
        score: r.score,
        band: r.band,
        touchpointKey: r.touchpointKey ?? null,
        comment: r.comment ?? null,
        answeredAt: r.answeredAt.toISOString(),
      });
  }
  return {
    days: PREVIEW_DAYS,
    evaluated: responses.length,
    cap: PREVIEW_CAP,
    capped: nextCursor !== null,
    matched,
    samples,
  };
}
