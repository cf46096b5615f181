import { chiSquareTail, normalCdf, normalQuantile, tCdf, tQuantile } from '../../../shared/src/metrics/statistics';

// Reference values: NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7 tables (normal,
// Student's t and chi-square critical values), quoted there to 3–6 digits; checked here to the
// digits printed in those tables or tighter where the value is exact by definition.
describe('distributions', () => {
  it('normal CDF and probit agree with the standard table', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.841345, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024998, 6);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 6);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 6);
    for (const p of [1e-8, 0.01, 0.3, 0.5, 0.77, 0.999999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
  });

  it("Student's t quantiles match the t table (two-sided 95%)", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(tQuantile(0.975, 100)).toBeCloseTo(1.984, 3);
    expect(tQuantile(0.995, 20)).toBeCloseTo(2.845, 3);
    expect(tCdf(tQuantile(0.9, 7.5), 7.5)).toBeCloseTo(0.9, 10);
    // With a million degrees of freedom t is the normal distribution.
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(normalQuantile(0.975), 5);
  });

  it('chi-square upper tails match the table', () => {
    expect(chiSquareTail(3.841, 1)).toBeCloseTo(0.05, 4);
    expect(chiSquareTail(5.991, 2)).toBeCloseTo(0.05, 4);
    expect(chiSquareTail(6.635, 1)).toBeCloseTo(0.01, 4);
    expect(chiSquareTail(18.307, 10)).toBeCloseTo(0.05, 4);
    // df = 1 is the square of a standard normal: P(χ² > z²) = 2(1 − Φ(z)).
    expect(chiSquareTail(4, 1)).toBeCloseTo(2 * (1 - normalCdf(2)), 12);
  });
});
