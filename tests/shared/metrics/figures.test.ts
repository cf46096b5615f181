import { figureOf, MIN_RESPONSES } from '../../../shared/src/metrics/figures';
import { adjustedWaldInterval, meanInterval, npsInterval, wilsonInterval } from '../../../shared/src/metrics/intervals';
import type { ScoreCounts } from '../../../shared/src/metrics/histogram';

const nps = { min: 0, max: 10 };
const csat5 = { min: 1, max: 5 };
const ces7 = { min: 1, max: 7 };

describe('proportion intervals', () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score, no
  // continuity correction), printed to four decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('Wilson interval of %i/%i is %f–%f as in Newcombe 1998', (x, n, low, high) => {
    const ci = wilsonInterval(x, n);
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  // Agresti A, Coull BA (1998), "Approximate is better than exact", The American Statistician
  // 52:119–126: add z²/2 ≈ 2 successes and z² ≈ 4 trials. 0/20 by hand: p̃ = 1.9208/23.8415 =
  // 0.080566, half-width 1.96·√(p̃(1−p̃)/ñ) = 0.109233 → [0, 0.1898] after clamping at 0.
  it('adjusted-Wald (Agresti–Coull) interval of 0/20 is 0–0.1898', () => {
    const ci = adjustedWaldInterval(0, 20);
    expect(ci.low).toBe(0);
    expect(ci.high).toBeCloseTo(0.1898, 4);
  });
});

describe('NPS', () => {
  // The adjusted-Wald NPS interval as published by MeasuringU (Sauro & Lewis, "Confidence
  // intervals for Net Promoter Scores", 2021, after Rocks 2016): n' = n + 3, promoters and
  // detractors + 0.75 each. Worked by hand for 30 promoters, 50 passives, 20 detractors:
  // p'pro = 30.75/103 = .298544, p'det = 20.75/103 = .201456, NPS' = .097087,
  // Var' = .298544 + .201456 − .097087² = .490574, SE = √(.490574/103) = .069013,
  // 95% CI = .097087 ± 1.959964 · .069013 = −.0382 … .2324 (NPS −3.8 … 23.2).
  it('has the MeasuringU adjusted-Wald interval', () => {
    const ci = npsInterval(30, 20, 100);
    expect(ci.low).toBeCloseTo(-0.0382, 4);
    expect(ci.high).toBeCloseTo(0.2324, 4);
  });

  it('scores promoters minus detractors over every answer, with bands and the distribution', () => {
    const counts: ScoreCounts = { 10: 20, 9: 10, 8: 30, 7: 20, 6: 5, 0: 15 };
    const figure = figureOf('nps', nps, counts);
    expect(figure.n).toBe(100);
    expect(figure.score).toBeCloseTo(10, 10);
    expect(figure.bands).toEqual({ promoter: 30, passive: 50, detractor: 20 });
    expect(figure.interval!.low).toBeCloseTo(-3.82, 2);
    expect(figure.interval!.high).toBeCloseTo(23.24, 2);
    expect(figure.distribution).toHaveLength(11);
    expect(figure.distribution[0]).toEqual({ score: 0, count: 15 });
  });

  it('when fewer answers than the minimum arrived, then it withholds the score', () => {
    const figure = figureOf('nps', nps, { 10: MIN_RESPONSES - 1 });
    expect(figure).toMatchObject({ n: MIN_RESPONSES - 1, enough: false, score: null, interval: null, mean: null });
    expect(figureOf('nps', nps, {}).enough).toBe(false);
  });
});

describe('CSAT and CES', () => {
  it('CSAT is the top-two-box share with a Wilson interval, plus the mean with a t interval', () => {
    // 81 of 263 in the top two boxes: the Newcombe example above, as percentages.
    const figure = figureOf('csat', csat5, { 5: 40, 4: 41, 3: 100, 2: 50, 1: 32 });
    expect(figure.n).toBe(263);
    expect(figure.score).toBeCloseTo((81 / 263) * 100, 10);
    expect(figure.interval!.low).toBeCloseTo(25.53, 2);
    expect(figure.interval!.high).toBeCloseTo(36.62, 2);
    expect(figure.bands).toEqual({ high: 81, neutral: 100, low: 82 });
    expect(figure.mean).toBeCloseTo((5 * 40 + 4 * 41 + 300 + 100 + 32) / 263, 10);
  });

  it('CES on 1–7 counts 5, 6 and 7 as agree', () => {
    const figure = figureOf('ces', ces7, { 7: 3, 6: 3, 5: 4, 4: 5, 1: 5 });
    expect(figure.score).toBeCloseTo(50, 10);
    expect(figure.bands).toEqual({ high: 10, neutral: 5, low: 5 });
  });

  // Textbook t interval: the scores 1, 2, 3, 4, 5 have mean 3 and s² = 2.5; t(0.975, 4) = 2.776445
  // (t table), so 3 ± 2.776445 · √(2.5/5) = 3 ± 1.963243.
  it('the mean interval is the textbook t interval', () => {
    const ci = meanInterval(5, 3, 2.5)!;
    expect(ci.low).toBeCloseTo(1.036757, 6);
    expect(ci.high).toBeCloseTo(4.963243, 6);
    expect(meanInterval(1, 3, NaN)).toBeNull();
  });
});
