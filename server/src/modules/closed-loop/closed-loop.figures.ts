import { twoProportionTest, SIGNIFICANCE } from '@pulse/shared/metrics/compare';
import { wilsonInterval } from '@pulse/shared/metrics/intervals';
import { quantileWithInterval } from '@pulse/shared/metrics/quantiles';
import type { Duration, Recovery, Share } from '@pulse/shared/schemas/closed-loop';

/** Pure arithmetic of the report, kept apart from the reads so the hand-computed test reads plainly. */

const HOUR = 3_600_000;

export function shareOf(count: number, n: number): Share {
  return n === 0
    ? { n, count, share: null, interval: null }
    : { n, count, share: count / n, interval: wilsonInterval(count, n) };
}

export function durationOf(milliseconds: readonly number[]): Duration {
  const hours = milliseconds.map((ms) => ms / HOUR);
  const median = quantileWithInterval(hours, 0.5);
  const p90 = quantileWithInterval(hours, 0.9);
  return {
    n: hours.length,
    medianHours: median?.value ?? null,
    medianInterval: median?.interval ?? null,
    p90Hours: p90?.value ?? null,
    p90Interval: p90?.interval ?? null,
  };
}

/** One contact followed after its detractor answer: whether it answered again, and better. */
export interface Followed {
  answeredAgain: boolean;
  better: boolean;
}

export function recoveryOf(closedLoop: readonly Followed[], noCase: readonly Followed[]): Recovery {
  const side = (group: readonly Followed[]) => {
    const again = group.filter((f) => f.answeredAgain);
    return { ...shareOf(again.filter((f) => f.better).length, again.length), awaiting: group.length - again.length };
  };
  const a = side(closedLoop);
  const b = side(noCase);
  if (a.n === 0 || b.n === 0)
    return { closedLoop: a, noCase: b, difference: { points: null, interval: null, pValue: null, significant: false } };
  const test = twoProportionTest(b.count, b.n, a.count, a.n);
  return {
    closedLoop: a,
    noCase: b,
    difference: {
      points: test.difference * 100,
      // A difference of two shares lies in ±100 points whatever the Wald bounds say at small n.
      interval: { low: Math.max(-100, test.interval.low * 100), high: Math.min(100, test.interval.high * 100) },
      pValue: test.pValue,
      significant: test.pValue < SIGNIFICANCE,
    },
  };
}

export const METHODS = {
  share: 'Wilson score interval, 95%',
  duration:
    'nearest-rank quantile; distribution-free 95% interval from order statistics (binomial normal approximation)',
  difference: 'two-proportion z test (pooled), unpooled Wald 95% interval of the difference',
};
