import { CONFIDENCE, type Interval } from './intervals';
import { normalQuantile } from './statistics';

/**
 * A sample quantile with a distribution-free 95% interval from order statistics: the ranks
 * n·q ∓ z·√(n·q·(1−q)) (the normal approximation to the binomial count of values below the
 * quantile; Conover, Practical Nonparametric Statistics, 3rd ed., §3.2), rounded outwards and
 * clamped to the sample. Durations are skewed, so a mean ± t interval would mislead.
 */
export interface QuantileEstimate {
  value: number;
  interval: Interval;
}

export function quantileWithInterval(
  values: readonly number[],
  q: number,
  confidence = CONFIDENCE,
): QuantileEstimate | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (rank: number) => sorted[Math.min(n, Math.max(1, rank)) - 1]!;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const spread = z * Math.sqrt(n * q * (1 - q));
  return {
    // Nearest rank: a value that occurred, so "p90 = 26 h" is a real case's time.
    value: at(Math.ceil(n * q)),
    interval: { low: at(Math.floor(n * q - spread)), high: at(Math.ceil(n * q + spread) + 1) },
  };
}
