import { normalQuantile, tQuantile } from './statistics';

export interface Interval {
  low: number;
  high: number;
}

export const CONFIDENCE = 0.95;
const z95 = normalQuantile(1 - (1 - CONFIDENCE) / 2);

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3). */
export function wilsonInterval(successes: number, n: number, z = z95): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1; rounding would otherwise leave 1e-17.
  return {
    low: successes === 0 ? 0 : clamp(centre - half, 0, 1),
    high: successes === n ? 1 : clamp(centre + half, 0, 1),
  };
}

/** Adjusted-Wald interval for a proportion (Agresti & Coull 1998): add z²/2 successes and z² trials. */
export function adjustedWaldInterval(successes: number, n: number, z = z95): Interval {
  const nAdj = n + z * z;
  const p = (successes + (z * z) / 2) / nAdj;
  const half = z * Math.sqrt((p * (1 - p)) / nAdj);
  return { low: clamp(p - half, 0, 1), high: clamp(p + half, 0, 1) };
}

/**
 * The NPS adjusted-Wald estimate (Rocks 2016; Sauro & Lewis, MeasuringU 2021): add 3 to n and ¾
 * to the promoter and detractor counts, then use the variance of a difference of two proportions
 * from the same sample. Returned on the −1…1 scale; `se` feeds the NPS difference test.
 */
export function npsAdjusted(promoters: number, detractors: number, n: number) {
  const nAdj = n + 3;
  const pro = (promoters + 0.75) / nAdj;
  const det = (detractors + 0.75) / nAdj;
  const nps = pro - det;
  const variance = pro + det - nps * nps;
  return { nAdj, nps, se: Math.sqrt(variance / nAdj) };
}

export function npsInterval(promoters: number, detractors: number, n: number, z = z95): Interval {
  const { nps, se } = npsAdjusted(promoters, detractors, n);
  return { low: clamp(nps - z * se, -1, 1), high: clamp(nps + z * se, -1, 1) };
}

/** t interval for a mean from its sample size, mean and sample variance. */
export function meanInterval(n: number, mean: number, variance: number, confidence = CONFIDENCE): Interval | null {
  if (n < 2) return null;
  const half = tQuantile(1 - (1 - confidence) / 2, n - 1) * Math.sqrt(variance / n);
  return { low: mean - half, high: mean + half };
}
