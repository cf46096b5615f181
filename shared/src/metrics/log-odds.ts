/**
 * Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn, 2008,
 * "Fightin' Words", eq. 16–22): which terms one group of comments uses more than another, with
 * rare terms shrunk towards the background instead of topping the list on two mentions.
 *
 * For term w with counts y_a, y_b in groups a, b (totals n_a, n_b) and prior pseudo-counts α_w
 * (total α_0):
 *   δ_w = ln((y_a + α_w) / (n_a + α_0 − y_a − α_w)) − ln((y_b + α_w) / (n_b + α_0 − y_b − α_w))
 *   σ²_w ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w),   z_w = δ_w / σ_w
 * Pulse uses it three ways: themes (a touchpoint against the others, prior = all touchpoints),
 * drivers (detractors against promoters, prior = every comment) and emerging themes (this period
 * against earlier ones, prior = both).
 */
export type Counts = ReadonlyMap<string, number>;

export interface LogOdds {
  term: string;
  /** Mentions in group a. */
  count: number;
  delta: number;
  variance: number;
  z: number;
}

export interface LogOddsOptions {
  /**
   * Scales the prior to this many pseudo-counts in total (α_0); by default the background's own
   * counts are the prior, as in Monroe et al.'s informative prior.
   */
  priorSize?: number;
}

const total = (counts: Counts) => [...counts.values()].reduce((s, v) => s + v, 0);

export function weightedLogOdds(a: Counts, b: Counts, background: Counts, options: LogOddsOptions = {}): LogOdds[] {
  const na = total(a);
  const nb = total(b);
  const backgroundTotal = total(background);
  const scale = options.priorSize !== undefined && backgroundTotal > 0 ? options.priorSize / backgroundTotal : 1;
  const alpha0 = backgroundTotal * scale;
  const out: LogOdds[] = [];
  for (const term of new Set([...a.keys(), ...b.keys()])) {
    const alpha = (background.get(term) ?? 0) * scale;
    // A term the prior has never seen gets no shrinkage to lean on: skip rather than divide by 0.
    if (alpha <= 0) continue;
    const ya = a.get(term) ?? 0;
    const yb = b.get(term) ?? 0;
    const delta =
      Math.log((ya + alpha) / (na + alpha0 - ya - alpha)) - Math.log((yb + alpha) / (nb + alpha0 - yb - alpha));
    const variance = 1 / (ya + alpha) + 1 / (yb + alpha);
    out.push({ term, count: ya, delta, variance, z: delta / Math.sqrt(variance) });
  }
  return out.sort((x, y) => y.z - x.z);
}

export interface Significance {
  /** |z| at least this: 1.96 is two-sided 95 %. */
  minZ?: number;
  /** Mentions in group a at least this, so one angry week of three comments is not a theme. */
  minCount?: number;
}

/** The terms group a uses significantly more than group b, strongest first. */
export function significantlyOver(results: readonly LogOdds[], { minZ = 1.96, minCount = 5 }: Significance = {}) {
  return results.filter((r) => r.z >= minZ && r.count >= minCount);
}
