import mongoose from 'mongoose';

import type { ScoreCounts } from '@pulse/shared/metrics/histogram';
import type { MetricKind, Scale } from '@pulse/shared/metrics/scales';

import type { Ctx } from '../../lib/context';
import { RollupModel, SeriesModel } from './rollup.model';
import { rollupId, seriesDocId } from './rollup-keys';

export interface SeriesInfo {
  key: string;
  surveyId: string;
  touchpointId: string | null;
  channel: string;
  kind: MetricKind;
  scale: Scale;
  firstMonth: string;
}

/** The organisation's series: one read by `_id`. */
export async function loadSeries(ctx: Ctx): Promise<SeriesInfo[]> {
  const doc = await SeriesModel.findOne({
    _id: seriesDocId(ctx.organisationId),
    organisationId: ctx.organisationId,
  }).lean<{
    series?: Record<string, Omit<SeriesInfo, 'key' | 'scale'> & Scale>;
  }>();
  return Object.entries(doc?.series ?? {}).map(([key, s]) => ({
    key,
    surveyId: s.surveyId,
    touchpointId: s.touchpointId ?? null,
    channel: s.channel,
    kind: s.kind,
    scale: { min: s.min, max: s.max },
    firstMonth: s.firstMonth,
  }));
}

/** A day's histogram of one series. */
export interface DayCounts {
  series: string;
  day: string;
  counts: ScoreCounts;
}

/**
 * Reads the month documents of the given series by `_id` (the ledger of applied revisions stays
 * in the database) and flattens them into day histograms. Months before a series' first month
 * are never asked for.
 */
export async function loadDays(
  ctx: Ctx,
  series: readonly SeriesInfo[],
  months: readonly string[],
): Promise<DayCounts[]> {
  const ids = series.flatMap((s) =>
    months.filter((m) => m >= s.firstMonth).map((m) => rollupId(ctx.organisationId, s.key, m)),
  );
  if (ids.length === 0) return [];
  const docs = await RollupModel.find(
    { _id: mongoose.trusted({ $in: ids }), organisationId: ctx.organisationId },
    { series: 1, month: 1, days: 1 },
  ).lean<{ series: string; month: string; days: Record<string, Record<string, number>> }[]>();
  const out: DayCounts[] = [];
  for (const doc of docs)
    for (const [dd, counts] of Object.entries(doc.days ?? {}))
      out.push({ series: doc.series, day: `${doc.month}-${dd}`, counts });
  return out;
}
