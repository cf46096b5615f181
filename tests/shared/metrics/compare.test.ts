import {
  compareCounts,
  compareMeans,
  npsDifferenceTest,
  twoProportionTest,
  welchTest,
} from '../../../shared/src/metrics/compare';
import { chiSquareTail } from '../../../shared/src/metrics/statistics';

const moments = (xs: number[]) => {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  return { n, mean, variance: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) };
};

describe('significance of a change', () => {
  // Welch B. L. (1947); the worked example in Wikipedia's "Welch's t-test" (sample sets A1/A2,
  // unequal variances): t = 2.46 with ν = 24.99 and p = 0.021.
  it("Welch's test reproduces the published worked example", () => {
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const result = welchTest(moments(a1), moments(a2));
    expect(result.statistic).toBeCloseTo(2.46, 2);
    expect(result.df).toBeCloseTo(24.99, 2);
    expect(result.pValue).toBeCloseTo(0.021, 3);
  });

  // Pearson's chi-square on the 2×2 table [[20, 30], [30, 20]]: every expected count is 25, so
  // χ² = 4·5²/25 = 4 exactly; the pooled two-proportion z test is its square root.
  it('the two-proportion z test equals the chi-square test on the 2×2 table', () => {
    const result = twoProportionTest(20, 50, 30, 50);
    expect(result.statistic).toBeCloseTo(2, 12);
    expect(result.pValue).toBeCloseTo(chiSquareTail(4, 1), 12);
    expect(result.pValue).toBeCloseTo(0.0455, 4);
  });

  // MeasuringU's NPS comparison adds the adjusted-Wald variances of both samples. By hand: 30/20 of
  // 100 gives NPS' = .097087, SE .069013; 50/10 of 100 gives p'pro = 50.75/103, p'det = 10.75/103,
  // NPS' = .388350, Var' = .597087 − .150816 = .446271, SE .065823; z = .291262/√(.069013² +
  // .065823²) = 3.0535, p = .00226.
  it('the NPS difference test uses both adjusted-Wald standard errors', () => {
    const result = npsDifferenceTest(
      { promoters: 30, detractors: 20, n: 100 },
      { promoters: 50, detractors: 10, n: 100 },
    );
    expect(result.difference).toBeCloseTo(0.291262, 5);
    expect(result.statistic).toBeCloseTo(3.0535, 3);
    expect(result.pValue).toBeCloseTo(0.00226, 4);
  });

  it('flags a change only when it is significant and both periods have enough answers', () => {
    const nps = { min: 0, max: 10 };
    const up = compareCounts('nps', nps, { 10: 30, 7: 50, 0: 20 }, { 10: 50, 7: 40, 0: 10 });
    expect(up).toMatchObject({ significant: true, direction: 'up' });
    expect(up.difference).toBeCloseTo(40 - 10, 10);
    const noise = compareCounts('nps', nps, { 10: 30, 7: 50, 0: 20 }, { 10: 32, 7: 48, 0: 20 });
    expect(noise).toMatchObject({ significant: false, direction: 'flat' });
    const thin = compareCounts('nps', nps, { 10: 3 }, { 0: 100 });
    expect(thin).toEqual({ difference: null, interval: null, pValue: null, significant: false, direction: 'flat' });
    const csat = compareCounts('csat', { min: 1, max: 5 }, { 5: 20, 1: 30 }, { 5: 30, 1: 20 });
    expect(csat.pValue).toBeCloseTo(0.0455, 4);
    expect(compareMeans({ 5: 20, 1: 30 }, { 5: 30, 1: 20 }).difference).toBeCloseTo(0.8, 10);
  });
});
