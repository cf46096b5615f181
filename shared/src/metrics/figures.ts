import { bandCounts, countFrom, distributionOf, momentsOf, type ScoreCounts } from './histogram';
import { meanInterval, npsInterval, wilsonInterval, type Interval } from './intervals';
import { positiveFrom, type Band, type MetricKind, type Scale } from './scales';

/**
 * Below this many answers a figure is withheld: the NPS interval at n = 10 is already about
 * ±50 points wide, so a bare number would mislead more than it informs.
 */
export const MIN_RESPONSES = 10;

/**
 * One figure for one slice. `score` is the headline: NPS in points (−100…100), CSAT and CES as
 * the percentage of positive answers (top two boxes / agree). Score, mean and intervals are null
 * when n is below the minimum (`enough: false`): the UI then says "not enough responses".
 */
export interface MetricFigure {
  kind: MetricKind;
  scale: Scale;
  n: number;
  enough: boolean;
  score: number | null;
  interval: Interval | null;
  mean: number | null;
  meanInterval: Interval | null;
  bands: Partial<Record<Band, number>>;
  distribution: { score: number; count: number }[];
}

const pct = (x: number) => x * 100;
const scaled = (i: Interval, by: number): Interval => ({ low: i.low * by, high: i.high * by });

export function figureOf(kind: MetricKind, scale: Scale, counts: ScoreCounts, minN = MIN_RESPONSES): MetricFigure {
  const { n, mean, variance } = momentsOf(counts);
  const bands = bandCounts(kind, scale, counts);
  const base = { kind, scale, n, enough: n >= minN && n > 0, bands, distribution: distributionOf(scale, counts) };
  if (!base.enough) return { ...base, score: null, interval: null, mean: null, meanInterval: null };
  const meanCi = meanInterval(n, mean, variance);
  if (kind === 'nps') {
    const promoters = bands.promoter ?? 0;
    const detractors = bands.detractor ?? 0;
    return {
      ...base,
      score: pct((promoters - detractors) / n),
      interval: scaled(npsInterval(promoters, detractors, n), 100),
      mean,
      meanInterval: meanCi,
    };
  }
  const positive = countFrom(counts, positiveFrom(kind, scale));
  return {
    ...base,
    score: pct(positive / n),
    interval: scaled(wilsonInterval(positive, n), 100),
    mean,
    meanInterval: meanCi,
  };
}
