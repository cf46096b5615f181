import { bandCounts, countFrom, momentsOf, type ScoreCounts } from './histogram';
import { npsAdjusted, type Interval } from './intervals';
import { MIN_RESPONSES } from './figures';
import { positiveFrom, type MetricKind, type Scale } from './scales';
import { normalQuantile, normalTwoSided, tCdf, tQuantile } from './statistics';

export const SIGNIFICANCE = 0.05;
const z95 = normalQuantile(0.975);

export interface TestResult {
  /** The change from `before` to `after`, in the headline's units (NPS points, percentage points, scale units). */
  difference: number;
  interval: Interval;
  statistic: number;
  pValue: number;
}

/** Two-proportion z test with the pooled variance; z² equals Pearson's chi-square on the 2×2 table. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): TestResult {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const z = (p2 - p1) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const d = p2 - p1;
  return {
    difference: d,
    interval: { low: d - z95 * se, high: d + z95 * se },
    statistic: Number.isFinite(z) ? z : 0,
    pValue: Number.isFinite(z) ? normalTwoSided(z) : 1,
  };
}

/** NPS difference with adjusted-Wald standard errors (MeasuringU, "comparing two Net Promoter Scores"). */
export function npsDifferenceTest(
  a: { promoters: number; detractors: number; n: number },
  b: { promoters: number; detractors: number; n: number },
): TestResult {
  const before = npsAdjusted(a.promoters, a.detractors, a.n);
  const after = npsAdjusted(b.promoters, b.detractors, b.n);
  const d = after.nps - before.nps;
  const se = Math.sqrt(before.se ** 2 + after.se ** 2);
  const z = d / se;
  return {
    difference: d,
    interval: { low: d - z95 * se, high: d + z95 * se },
    statistic: z,
    pValue: normalTwoSided(z),
  };
}

export interface Moments {
  n: number;
  mean: number;
  variance: number;
}

/** Welch's unequal-variance t test with Welch–Satterthwaite degrees of freedom. */
export function welchTest(a: Moments, b: Moments): TestResult & { df: number } {
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  const d = b.mean - a.mean;
  if (se === 0)
    return { difference: d, interval: { low: d, high: d }, statistic: 0, pValue: d === 0 ? 1 : 0, df: a.n + b.n - 2 };
  const t = d / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const pValue = 2 * tCdf(-Math.abs(t), df);
  const half = tQuantile(0.975, df) * se;
  return { difference: d, interval: { low: d - half, high: d + half }, statistic: t, pValue, df };
}

export interface Change {
  /** Headline difference (after − before) in the headline's units; null when either side is short of answers. */
  difference: number | null;
  interval: Interval | null;
  pValue: number | null;
  /** True only when both periods have enough answers and p < 0.05: the only case the UI flags. */
  significant: boolean;
  direction: 'up' | 'down' | 'flat';
}

/** Period-over-period change of the headline figure, with the test that fits the metric. */
export function compareCounts(
  kind: MetricKind,
  scale: Scale,
  before: ScoreCounts,
  after: ScoreCounts,
  minN = MIN_RESPONSES,
): Change {
  const n1 = momentsOf(before).n;
  const n2 = momentsOf(after).n;
  if (n1 < minN || n2 < minN)
    return { difference: null, interval: null, pValue: null, significant: false, direction: 'flat' };
  let test: TestResult;
  if (kind === 'nps') {
    const ba = bandCounts(kind, scale, before);
    const bb = bandCounts(kind, scale, after);
    const a = { promoters: ba.promoter ?? 0, detractors: ba.detractor ?? 0, n: n1 };
    const b = { promoters: bb.promoter ?? 0, detractors: bb.detractor ?? 0, n: n2 };
    // Tested on the adjusted estimates; reported as the change of the scores people see.
    const seen = (b.promoters - b.detractors) / b.n - (a.promoters - a.detractors) / a.n;
    test = { ...npsDifferenceTest(a, b), difference: seen };
  } else {
    const from = positiveFrom(kind, scale);
    test = twoProportionTest(countFrom(before, from), n1, countFrom(after, from), n2);
  }
  return changeOf(test, 100);
}

/** Change of the mean score (CSAT/CES means, the NPS likelihood-to-recommend mean), by Welch's test. */
export function compareMeans(before: ScoreCounts, after: ScoreCounts, minN = MIN_RESPONSES): Change {
  const a = momentsOf(before);
  const b = momentsOf(after);
  if (a.n < minN || b.n < minN)
    return { difference: null, interval: null, pValue: null, significant: false, direction: 'flat' };
  return changeOf(welchTest(a, b), 1);
}

function changeOf(test: TestResult, by: number): Change {
  const significant = test.pValue < SIGNIFICANCE;
  return {
    difference: test.difference * by,
    interval: { low: test.interval.low * by, high: test.interval.high * by },
    pValue: test.pValue,
    significant,
    direction: !significant ? 'flat' : test.difference > 0 ? 'up' : 'down',
  };
}
