import type { Types } from 'mongoose';

import { bandOf, isScoreOnScale, type MetricKind, type Scale } from '@pulse/shared/metrics/scales';
import type { ResponseChannel } from '@pulse/shared/schemas/responses';

import type { Ctx } from '../../lib/context';
import { ResponseModel } from './response.model';

/** A confirmed answer collected in the past (a backfill, the demo year), with everything known about it. */
export interface HistoricalResponse {
  _id: Types.ObjectId;
  survey: { id: string; version: number; kind: MetricKind; scale: Scale };
  touchpointId: string | null;
  touchpointKey: string | null;
  channel: ResponseChannel;
  contactAttributes: Record<string, string | number | boolean>;
  language: string;
  score: number;
  comment: string | null;
  answeredAt: Date;
}

const BATCH = 500;

/**
 * Stores answers in bulk without emitting an event per answer: the caller rebuilds the rollups
 * from the stored responses afterwards (rebuildRollups), which gives exactly the rollups the
 * events would have built. Scores off the survey's scale are refused before anything is written.
 */
export async function importResponses(ctx: Ctx, rows: readonly HistoricalResponse[]): Promise<number> {
  const bad = rows.find((r) => !isScoreOnScale(r.survey.scale, r.score));
  if (bad) throw new Error(`score ${bad.score} is off the ${bad.survey.scale.min}–${bad.survey.scale.max} scale`);
  for (let i = 0; i < rows.length; i += BATCH) {
    await ResponseModel.insertMany(
      rows.slice(i, i + BATCH).map((r) => ({
        _id: r._id,
        organisationId: ctx.organisationId,
        surveyId: r.survey.id,
        surveyVersion: r.survey.version,
        kind: r.survey.kind,
        touchpointId: r.touchpointId,
        touchpointKey: r.touchpointKey,
        channel: r.channel,
        invitationId: null,
        contactId: null,
        contactAttributes: r.contactAttributes,
        hidden: {},
        language: r.language,
        score: r.score,
        band: bandOf(r.survey.kind, r.survey.scale, r.score),
        state: 'confirmed',
        answers: [],
        comment: r.comment,
        startedAt: r.answeredAt,
        answeredAt: r.answeredAt,
        confirmedAt: r.answeredAt,
        completedAt: r.comment ? r.answeredAt : null,
        seq: 1,
        pendingEvents: [],
      })),
      { ordered: true },
    );
  }
  return rows.length;
}
