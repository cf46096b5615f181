import { significantlyOver, weightedLogOdds } from '@pulse/shared/metrics/log-odds';

const counts = (o: Record<string, number>) => new Map(Object.entries(o));

describe('weighted log-odds with an informative Dirichlet prior', () => {
  test('matches a hand-computed example', () => {
    // a = {x: 10, y: 5}, b = {x: 2, y: 8}, α = {x: 1, y: 1}: n_a = 15, n_b = 10, α_0 = 2.
    // δ_x = ln(11 / 6) − ln(3 / 9) = 1.70474809…, σ²_x = 1/11 + 1/3 = 0.42424242…, z_x = 2.61729795…
    // δ_y = ln(6 / 11) − ln(9 / 3) = −1.70474809…, σ²_y = 1/6 + 1/9 = 0.27777777…, z_y = −3.23453208…
    const [x, y] = weightedLogOdds(counts({ x: 10, y: 5 }), counts({ x: 2, y: 8 }), counts({ x: 1, y: 1 }));
    expect(x!.term).toBe('x');
    expect(x!.delta).toBeCloseTo(1.7047480922384253, 12);
    expect(x!.variance).toBeCloseTo(0.4242424242424242, 12);
    expect(x!.z).toBeCloseTo(2.6172979511823717, 12);
    expect(y!.delta).toBeCloseTo(-1.7047480922384253, 12);
    expect(y!.z).toBeCloseTo(-3.2345320849801413, 12);
  });

  test('scaling the prior to α_0 keeps its proportions', () => {
    const [x] = weightedLogOdds(counts({ x: 10, y: 5 }), counts({ x: 2, y: 8 }), counts({ x: 30, y: 30 }), {
      priorSize: 2,
    });
    expect(x!.z).toBeCloseTo(2.6172979511823717, 12);
  });

  test('a term twice as frequent on many mentions is significant; the same ratio on a few is not', () => {
    const background = counts({ late: 300, price: 300, app: 400 });
    const many = weightedLogOdds(
      counts({ late: 120, price: 30, app: 50 }),
      counts({ late: 60, price: 60, app: 80 }),
      background,
    );
    const few = weightedLogOdds(
      counts({ late: 4, price: 1, app: 2 }),
      counts({ late: 2, price: 2, app: 3 }),
      background,
    );
    expect(significantlyOver(many).map((r) => r.term)).toEqual(['late']);
    expect(significantlyOver(few)).toEqual([]);
  });
});
