import { z } from 'zod';

import { MetricKind } from '@pulse/shared/metrics/scales';
import { ResponseEventType } from '@pulse/shared/schemas/responses';

import { systemContext, type Ctx } from '../../lib/context';
import { defineSubscriber } from '../../lib/events/events';
import { boundJobs } from '../../lib/jobs';
import { findResponse } from '../responses/responses.service';
import { livePublisher, recordObservation } from './analytics.live';
import { RebuildRollups } from './rebuild-rollups.job';
import { scaleOf } from './response-source';
import { forgetZone, ZONE_TTL_MS } from './rollups.service';
import type { Observation } from './rollup-keys';

/** What a response event says (responses.service publish()); the rest is reloaded by id. */
const ResponseChange = z.object({
  responseId: z.string(),
  seq: z.number().int().positive(),
  surveyId: z.string(),
  /** Fixed at the first answer; events stored before they were carried reload the response. */
  surveyVersion: z.number().int().positive().optional(),
  kind: MetricKind.optional(),
  touchpointId: z.string().nullable(),
  channel: z.string(),
  answeredAt: z.iso.datetime().transform((at) => new Date(at)),
  newScore: z.number().int().nullable(),
  confirmed: z.boolean(),
});

/**
 * The observation one response event stands for: the event's seq is its revision and its score
 * and confirmation are those of that change; kind and survey version (fixed at the first answer)
 * come with the event, and are reloaded by id only for an event stored before they did (null
 * when that response is gone: the next rebuild drops what it counted).
 */
export async function observationOfEvent(ctx: Ctx, data: unknown): Promise<Observation | null> {
  const change = ResponseChange.parse(data);
  const fixed =
    change.kind && change.surveyVersion
      ? { kind: change.kind, surveyVersion: change.surveyVersion }
      : await findResponse(ctx, change.responseId);
  if (!fixed) return null;
  return {
    responseId: change.responseId,
    revision: change.seq,
    surveyId: change.surveyId,
    touchpointId: change.touchpointId,
    channel: change.channel,
    answeredAt: change.answeredAt,
    kind: fixed.kind,
    scale: await scaleOf(ctx, change.surveyId, fixed.surveyVersion),
    score: change.newScore,
    confirmed: change.confirmed,
  };
}

/**
 * Every change of a response moves the rollups. A redelivered event, or an older one arriving
 * after a newer, changes nothing (the month document's ledger knows which revision it holds), a
 * changed score moves its count, and a provisional answer counts only once a later revision
 * confirms it. Open dashboards hear of it through Redis.
 */
export const rollupResponseChange = defineSubscriber({
  name: 'analytics.rollup',
  on: ResponseEventType.options,
  async handle(event, { log }) {
    const ctx = systemContext({ organisationId: String(event.organisationId), log, name: 'analytics' });
    const observation = await observationOfEvent(ctx, event.data);
    if (observation) await recordObservation(ctx, livePublisher(), observation);
  },
});

/** A new reporting zone moves answers between local days: the rollups are rebuilt in the worker. */
export const rebuildOnZoneChange = defineSubscriber({
  name: 'analytics.rezone',
  on: ['organisation.updated'],
  async handle(event) {
    const fields = String((event.data as { details?: { fields?: unknown } }).details?.fields ?? '').split(' ');
    if (!fields.includes('timeZone')) return;
    forgetZone(String(event.organisationId));
    // After every process has let go of the old zone (ZONE_TTL_MS), so nothing filed under it is left.
    await boundJobs().enqueue(
      RebuildRollups,
      { organisationId: String(event.organisationId) },
      { jobId: `analytics-rebuild-${String(event._id)}`, delayMs: ZONE_TTL_MS },
    );
  },
});

export const analyticsSubscribers = [rollupResponseChange, rebuildOnZoneChange];
