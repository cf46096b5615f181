import mongoose from 'mongoose';

import { localDay } from '@pulse/shared/metrics/time-buckets';

import type { Ctx } from '../../lib/context';
import { getOrganisation } from '../organisations/organisation.service';
import { RollupModel, SeriesModel } from './rollup.model';
import { contributionOf, Observation, rollupId, seriesDocId, seriesKey } from './rollup-keys';

/** What a response contributes in one rollup document: its revision and its counted score. */
type Applied = [revision: number, score: number | null];

export interface AppliedChange {
  /** False for a replay, a stale revision, or a revision that leaves the counts as they were. */
  changed: boolean;
  /** True when this revision was newer than the one held: recorded, whether or not counts moved. */
  recorded: boolean;
  series: string;
  day: string;
}

const MAX_ATTEMPTS = 20;

export const reportingZone = async (ctx: Ctx): Promise<string> => (await getOrganisation(ctx)).timeZone;

/**
 * Folds one revision of one response into its month's rollup.
 *
 * The guarantee, without transactions: each call is one conditional update of one document,
 * keyed by the response's entry in `applied`. The document records which revision of each
 * response it holds and the score that revision counts, so:
 * - a replay, or an older revision arriving late, finds a revision ≥ its own and changes nothing;
 * - a changed score moves its count (−1 on the old score, +1 on the new) in the same write that
 *   records the revision: the count and the marker cannot disagree;
 * - two writers racing on one response: one update matches, the other re-reads and retries;
 * - a worker killed at any point has either written the whole update or none of it, so the
 *   event's redelivery applies it exactly once.
 * The caller's previous score is not needed: the document knows what it counted.
 */
export async function applyScoreChange(ctx: Ctx, input: Observation, zone?: string): Promise<AppliedChange> {
  const o = Observation.parse(input);
  const day = localDay(o.answeredAt, zone ?? (await reportingZone(ctx)));
  const month = day.slice(0, 7);
  const dd = day.slice(8);
  const series = seriesKey(o);
  const _id = rollupId(ctx.organisationId, series, month);
  const score = contributionOf(o);
  const marker = `applied.${o.responseId}`;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const doc = await RollupModel.findOne({ _id, organisationId: ctx.organisationId }, { [marker]: 1 }).lean<{
      applied?: Record<string, Applied>;
    }>();
    if (!doc) {
      await ensureSeries(ctx, series, o, month);
      try {
        await RollupModel.create({
          _id,
          organisationId: ctx.organisationId,
          series,
          month,
          days: score === null ? {} : { [dd]: { [score]: 1 } },
          applied: { [o.responseId]: [o.revision, score] },
          v: 1,
        });
        return { changed: score !== null, recorded: true, series, day };
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        continue; // another writer created the month first: update it instead
      }
    }
    const previous = doc.applied?.[o.responseId];
    if (previous && previous[0] >= o.revision) return { changed: false, recorded: false, series, day };

    const inc: Record<string, number> = {};
    if (previous && previous[1] !== null) inc[`days.${dd}.${previous[1]}`] = -1;
    if (score !== null) inc[`days.${dd}.${score}`] = (inc[`days.${dd}.${score}`] ?? 0) + 1;
    for (const [path, by] of Object.entries(inc)) if (by === 0) delete inc[path];

    const result = await RollupModel.updateOne(
      {
        _id,
        organisationId: ctx.organisationId,
        [marker]: previous ? previous : mongoose.trusted({ $exists: false }),
      },
      { $set: { [marker]: [o.revision, score] }, $inc: { ...inc, v: 1 } },
    );
    if (result.matchedCount === 1) return { changed: Object.keys(inc).length > 0, recorded: true, series, day };
  }
  throw new Error(`Rollup ${_id} kept changing under ${MAX_ATTEMPTS} attempts`);
}

/**
 * Records a series before its first document, so readers that start from the series list see it
 * (the first of the two writes a first answer of a month makes; exported for the crash test).
 * The conditional filter keeps the earliest first month when writers of different months race.
 */
export async function ensureSeries(ctx: Ctx, series: string, o: Observation, month: string): Promise<void> {
  const _id = seriesDocId(ctx.organisationId);
  const path = `series.${series}`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = await SeriesModel.findOne({ _id, organisationId: ctx.organisationId }, { [path]: 1 }).lean<{
      series?: Record<string, { firstMonth: string }>;
    }>();
    if ((existing?.series?.[series]?.firstMonth ?? '9999') <= month) return;
    const entry = {
      surveyId: o.surveyId,
      touchpointId: o.touchpointId,
      channel: o.channel,
      kind: o.kind,
      min: o.scale.min,
      max: o.scale.max,
      firstMonth: month,
    };
    try {
      await SeriesModel.updateOne(
        {
          _id,
          organisationId: ctx.organisationId,
          $or: [
            { [path]: mongoose.trusted({ $exists: false }) },
            { [`${path}.firstMonth`]: mongoose.trusted({ $gt: month }) },
          ],
        },
        { $set: { [path]: entry } },
        { upsert: true },
      );
      return;
    } catch (err) {
      // A concurrent upsert created the document, or the condition failed on an existing one: look again.
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
}
