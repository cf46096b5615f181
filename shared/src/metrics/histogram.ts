import { bandOf, bandsOf, type Band, type MetricKind, type Scale } from './scales';

/**
 * A score histogram: how many confirmed answers gave each score, keyed by the score. It is what
 * rollups store and what every figure is computed from, so a figure over any slice (a day, a
 * month, a touchpoint, a channel) is the sum of histograms, never a re-read of responses.
 */
export type ScoreCounts = Readonly<Record<string, number>>;

export const emptyCounts = (): Record<string, number> => ({});

/** Adds histograms together; zero entries are dropped so equal data always looks equal. */
export function mergeCounts(...all: readonly ScoreCounts[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const counts of all)
    for (const [score, count] of Object.entries(counts)) {
      const next = (out[score] ?? 0) + count;
      if (next === 0) delete out[score];
      else out[score] = next;
    }
  return out;
}

export function totalOf(counts: ScoreCounts): number {
  let n = 0;
  for (const count of Object.values(counts)) n += count;
  return n;
}

/** Count of answers at or above a score. */
export function countFrom(counts: ScoreCounts, from: number): number {
  let n = 0;
  for (const [score, count] of Object.entries(counts)) if (Number(score) >= from) n += count;
  return n;
}

export function bandCounts(kind: MetricKind, scale: Scale, counts: ScoreCounts): Record<Band, number> {
  const out = Object.fromEntries(bandsOf(kind).map((band) => [band, 0])) as Record<Band, number>;
  for (const [score, count] of Object.entries(counts)) out[bandOf(kind, scale, Number(score))] += count;
  return out;
}

/** Mean and sample variance (n − 1) of the scores. */
export function momentsOf(counts: ScoreCounts): { n: number; mean: number; variance: number } {
  const n = totalOf(counts);
  if (n === 0) return { n, mean: NaN, variance: NaN };
  let sum = 0;
  for (const [score, count] of Object.entries(counts)) sum += Number(score) * count;
  const mean = sum / n;
  let squares = 0;
  for (const [score, count] of Object.entries(counts)) squares += count * (Number(score) - mean) ** 2;
  return { n, mean, variance: n > 1 ? squares / (n - 1) : NaN };
}

/** The full distribution on the scale, zeros included, for charts. */
export function distributionOf(scale: Scale, counts: ScoreCounts): { score: number; count: number }[] {
  const out = [];
  for (let score = scale.min; score <= scale.max; score++) out.push({ score, count: counts[score] ?? 0 });
  return out;
}
