import type { Observation } from '../../server/src/modules/analytics/rollup-keys';

/** Journey order: how a customer meets Acme, first to last. */
export const DEMO_TOUCHPOINTS = ['discovery', 'checkout', 'delivery', 'support', 'renewal'] as const;
export const DEMO_CHANNELS = ['email', 'web'] as const;

const DAY_MS = 86_400_000;

/** mulberry32: a tiny seeded generator, so every run (seed, bench) makes the same year. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A realistic year of NPS answers for a demo organisation: scores improve slowly over the year,
 * delivery dips for two months (a carrier change), and support on the web trails support by
 * email throughout. Every answer is confirmed; one in twenty was changed once after answering.
 */
export function demoObservations(opts: {
  count: number;
  end: Date;
  surveyId: string;
  seed?: number;
  idPrefix?: string;
}): Observation[] {
  const next = random(opts.seed ?? 42);
  const out: Observation[] = [];
  const start = opts.end.getTime() - 365 * DAY_MS;
  for (let i = 0; i < opts.count; i++) {
    const at = start + next() * 365 * DAY_MS;
    const progress = (at - start) / (365 * DAY_MS);
    const touchpoint = DEMO_TOUCHPOINTS[Math.floor(next() * DEMO_TOUCHPOINTS.length)]!;
    const channel = DEMO_CHANNELS[next() < 0.6 ? 0 : 1];
    let promoter = 0.45 + 0.1 * progress;
    let detractor = 0.22 - 0.06 * progress;
    if (touchpoint === 'delivery' && progress > 0.45 && progress < 0.62) [promoter, detractor] = [0.28, 0.4];
    if (touchpoint === 'support' && channel === 'web') [promoter, detractor] = [promoter - 0.15, detractor + 0.12];
    const roll = next();
    const score =
      roll < promoter
        ? 9 + Math.floor(next() * 2)
        : roll < promoter + detractor
          ? Math.floor(next() * 7)
          : 7 + Math.floor(next() * 2);
    const responseId = `${opts.idPrefix ?? 'demo'}-${i.toString(36)}`;
    out.push({
      responseId,
      revision: next() < 0.05 ? 2 : 1,
      surveyId: opts.surveyId,
      touchpointId: touchpoint,
      channel,
      answeredAt: new Date(at),
      kind: 'nps',
      scale: { min: 0, max: 10 },
      score,
      confirmed: true,
    });
  }
  return out;
}
