import { compareCounts, compareMeans } from '@pulse/shared/metrics/compare';
import { figureOf, MIN_RESPONSES, type MetricFigure } from '@pulse/shared/metrics/figures';
import type { ScoreCounts } from '@pulse/shared/metrics/histogram';
import { bucketOfDay, daysBetween, monthOfDay, monthsBetween } from '@pulse/shared/metrics/time-buckets';
import type {
  BreakdownQuery,
  BreakdownResponse,
  ChannelsResponse,
  Figure,
  HeatmapResponse,
  MetricsFilter,
  SummaryResponse,
  TrendQuery,
  TrendResponse,
} from '@pulse/shared/schemas/analytics';

import type { Ctx } from '../../lib/context';
import { listTouchpoints } from '../touchpoints/touchpoints.service';
import { daysOf, groupBy, select, seriesIndex, sumOf, withPrevious, type Selection } from './analytics.selection';

/**
 * The dashboard's reads. Each one reads the organisation's series list and the month documents
 * in view by `_id`, then computes every figure in TypeScript from summed histograms, so its cost
 * depends on the months and series shown, never on the number of responses.
 */

const present = ({ kind: _kind, scale: _scale, ...figure }: MetricFigure): Figure => figure;

const contextOf = (sel: Selection) => ({
  kind: sel.kind,
  scale: sel.scale,
  timeZone: sel.timeZone,
  minResponses: MIN_RESPONSES,
  period: { from: sel.from, to: sel.to },
});

const figure = (sel: Selection, counts: ScoreCounts) => present(figureOf(sel.kind, sel.scale, counts));

export async function summary(ctx: Ctx, filter: MetricsFilter): Promise<SummaryResponse> {
  const sel = await select(ctx, filter);
  const [{ previous, current, before }, touchpoints] = await Promise.all([
    withPrevious(ctx, sel),
    listTouchpoints(ctx),
  ]);
  const now = sumOf(current);
  const then = sumOf(before);
  return {
    ...contextOf(sel),
    dimensions: {
      ...sel.dimensions,
      touchpointNames: Object.fromEntries(touchpoints.map((t) => [String(t._id), t.name])),
    },
    figure: figure(sel, now),
    previous: { ...previous, figure: figure(sel, then) },
    change: compareCounts(sel.kind, sel.scale, then, now),
    meanChange: compareMeans(then, now),
  };
}

const TREND_DEFAULT_DAYS = 365;

export async function trend(ctx: Ctx, query: TrendQuery): Promise<TrendResponse> {
  const sel = await select(ctx, query, TREND_DEFAULT_DAYS);
  const byBucket = groupBy(await daysOf(ctx, sel), (d) => bucketOfDay(d.day, query.granularity));
  // Every bucket of the range appears, empty ones too, so gaps show as gaps.
  const spans = new Map<string, { from: string; to: string }>();
  for (const day of daysBetween(sel.from, sel.to)) {
    const bucket = bucketOfDay(day, query.granularity);
    const span = spans.get(bucket);
    if (span) span.to = day;
    else spans.set(bucket, { from: day, to: day });
  }
  return {
    ...contextOf(sel),
    granularity: query.granularity,
    points: [...spans].map(([bucket, span]) => ({ bucket, ...span, figure: figure(sel, byBucket.get(bucket) ?? {}) })),
  };
}

const attribute = { touchpoint: 'touchpointId', channel: 'channel', survey: 'surveyId' } as const;

export async function breakdown(ctx: Ctx, query: BreakdownQuery): Promise<BreakdownResponse> {
  const sel = await select(ctx, query);
  const index = seriesIndex(sel);
  const { current, before } = await withPrevious(ctx, sel);
  const keyOf = (series: string) => index.get(series)?.[attribute[query.by]] ?? '-';
  const now = groupBy(current, (d) => keyOf(d.series));
  const then = groupBy(before, (d) => keyOf(d.series));
  const keys = [...new Set(sel.series.map((s) => s[attribute[query.by]] ?? '-'))].sort();
  return {
    ...contextOf(sel),
    by: query.by,
    groups: keys.map((key) => ({
      key,
      figure: figure(sel, now.get(key) ?? {}),
      change: compareCounts(sel.kind, sel.scale, then.get(key) ?? {}, now.get(key) ?? {}),
    })),
  };
}

export async function channels(ctx: Ctx, filter: MetricsFilter): Promise<ChannelsResponse> {
  const sel = await select(ctx, filter);
  const index = seriesIndex(sel);
  const cells = groupBy(await daysOf(ctx, sel), (d) => {
    const s = index.get(d.series)!;
    return `${s.touchpointId ?? '-'}|${s.channel}`;
  });
  const touchpoints = [...new Set(sel.series.map((s) => s.touchpointId ?? '-'))].sort();
  const channelNames = [...new Set(sel.series.map((s) => s.channel))].sort();
  return {
    ...contextOf(sel),
    touchpoints: touchpoints.map((touchpointId) => {
      const row = channelNames
        .filter((channel) => cells.has(`${touchpointId}|${channel}`))
        .map((channel) => ({ channel, counts: cells.get(`${touchpointId}|${channel}`)! }));
      const figures = row.map((c) => ({ channel: c.channel, counts: c.counts, figure: figure(sel, c.counts) }));
      const scored = figures.filter((f) => f.figure.score !== null).sort((a, b) => a.figure.score! - b.figure.score!);
      const worst = scored[0];
      const best = scored.at(-1);
      const gap =
        worst && best && worst !== best
          ? compareCounts(sel.kind, sel.scale, worst.counts, best.counts)
          : compareCounts(sel.kind, sel.scale, {}, {});
      return {
        touchpointId,
        channels: figures.map((f) => ({ channel: f.channel, figure: f.figure })),
        gap: {
          ...gap,
          best: best && worst !== best ? best.channel : null,
          worst: worst && worst !== best ? worst.channel : null,
        },
      };
    }),
  };
}

export async function heatmap(ctx: Ctx, filter: MetricsFilter): Promise<HeatmapResponse> {
  const sel = await select(ctx, filter, TREND_DEFAULT_DAYS);
  const index = seriesIndex(sel);
  const cells = groupBy(
    await daysOf(ctx, sel),
    (d) => `${index.get(d.series)!.touchpointId ?? '-'}|${monthOfDay(d.day)}`,
  );
  const months = monthsBetween(sel.from, sel.to);
  const touchpoints = [...new Set(sel.series.map((s) => s.touchpointId ?? '-'))].sort();
  return {
    ...contextOf(sel),
    months,
    rows: touchpoints.map((touchpointId) => ({
      touchpointId,
      cells: months.map((month) => ({ month, figure: figure(sel, cells.get(`${touchpointId}|${month}`) ?? {}) })),
    })),
  };
}
