import { mergeCounts, type ScoreCounts } from '@pulse/shared/metrics/histogram';
import { METRIC_SCALES, type MetricKind, type Scale } from '@pulse/shared/metrics/scales';
import { addDaysToKey, daysFrom, localDay, monthsBetween, previousPeriod } from '@pulse/shared/metrics/time-buckets';
import type { MetricsFilter } from '@pulse/shared/schemas/analytics';

import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { loadDays, loadSeries, type DayCounts, type SeriesInfo } from './rollups.read';
import { reportingZone } from './rollups.service';

/** Three years of days: the longest range one request may span. */
const MAX_DAYS = 3 * 366;
const DEFAULT_DAYS = 30;

/** What a request looks at: which series, on which scale, over which local days of which zone. */
export interface Selection {
  kind: MetricKind;
  scale: Scale;
  timeZone: string;
  from: string;
  to: string;
  series: SeriesInfo[];
  /** Every survey, touchpoint and channel with answers of this metric, whatever the filters: the filter choices. */
  dimensions: { surveys: string[]; touchpoints: string[]; channels: string[] };
}

export async function select(ctx: Ctx, filter: MetricsFilter, defaultDays = DEFAULT_DAYS): Promise<Selection> {
  const timeZone = await reportingZone(ctx);
  const to = filter.to ?? localDay(new Date(), timeZone);
  const from = filter.from ?? addDaysToKey(to, -(defaultDays - 1));
  if (from > to) throw invalid('query.from', 'must not be after `to`');
  if (daysFrom(from, to) >= MAX_DAYS) throw invalid('query.from', `the range may span at most ${MAX_DAYS} days`);

  const ofKind = (await loadSeries(ctx)).filter((s) => s.kind === filter.kind);
  const series = ofKind.filter(
    (s) =>
      (!filter.surveyId || s.surveyId === filter.surveyId) &&
      (!filter.touchpointId || (s.touchpointId ?? '-') === filter.touchpointId) &&
      (!filter.channel || s.channel === filter.channel),
  );
  const scales = new Set(series.map((s) => `${s.scale.min}-${s.scale.max}`));
  // Histograms on different scales cannot be added: a 4 on 1–5 is not a 4 on 1–7.
  if (scales.size > 1) throw invalid('query.surveyId', 'these surveys ask on different scales: choose one survey');
  const distinct = (values: (string | null)[]) => [...new Set(values.map((v) => v ?? '-'))].sort();
  return {
    kind: filter.kind,
    scale: series[0]?.scale ?? METRIC_SCALES[filter.kind][0]!,
    timeZone,
    from,
    to,
    series,
    dimensions: {
      surveys: distinct(ofKind.map((s) => s.surveyId)),
      touchpoints: distinct(ofKind.map((s) => s.touchpointId)),
      channels: distinct(ofKind.map((s) => s.channel)),
    },
  };
}

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'The request is not valid', [{ path, message }]);

/** The day histograms of a selection between two local days, both included. */
export async function daysOf(ctx: Ctx, sel: Selection, from = sel.from, to = sel.to): Promise<DayCounts[]> {
  const days = await loadDays(ctx, sel.series, monthsBetween(from, to));
  return days.filter((d) => d.day >= from && d.day <= to);
}

/** The selection's days and those of the period of equal length before it, in one read. */
export async function withPrevious(ctx: Ctx, sel: Selection) {
  const previous = previousPeriod(sel.from, sel.to);
  const all = await daysOf(ctx, sel, previous.from, sel.to);
  return {
    previous,
    current: all.filter((d) => d.day >= sel.from),
    before: all.filter((d) => d.day < sel.from),
  };
}

export const sumOf = (days: readonly DayCounts[]): ScoreCounts => mergeCounts(...days.map((d) => d.counts));

/** Groups day histograms by a key and sums each group. */
export function groupBy(days: readonly DayCounts[], keyOf: (d: DayCounts) => string): Map<string, ScoreCounts> {
  const groups = new Map<string, Record<string, number>>();
  for (const d of days) {
    const key = keyOf(d);
    groups.set(key, mergeCounts(groups.get(key) ?? {}, d.counts));
  }
  return groups;
}

/** The series a day histogram belongs to, by its key. */
export const seriesIndex = (sel: Selection) => new Map(sel.series.map((s) => [s.key, s]));
