import { quantileWithInterval } from '../../../shared/src/metrics/quantiles';

describe('quantileWithInterval', () => {
  it('takes the nearest rank and order-statistic bounds', () => {
    // n = 20, values 1..20. Median: rank ceil(10) = 10. Spread = 1.96·√(20·0.25) = 4.383:
    // low rank floor(10 − 4.383) = 5, high rank ceil(10 + 4.383) + 1 = 16.
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(quantileWithInterval(values, 0.5)).toEqual({ value: 10, interval: { low: 5, high: 16 } });
    // p90: rank 18; spread 1.96·√(20·0.09) = 2.630 → ranks 15 and 21, clamped to 20.
    expect(quantileWithInterval(values, 0.9)).toEqual({ value: 18, interval: { low: 15, high: 20 } });
  });

  it('has nothing to say about an empty sample', () => {
    expect(quantileWithInterval([], 0.5)).toBeNull();
  });
});
