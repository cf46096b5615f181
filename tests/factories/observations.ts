import { Types } from 'mongoose';

import { mergeCounts } from '@pulse/shared/metrics/histogram';

import type { Ctx } from '../../server/src/lib/context';
import type { Observation } from '../../server/src/modules/analytics/rollup-keys';
import { loadDays, loadSeries } from '../../server/src/modules/analytics/rollups.read';

let counter = 0;

/** One revision of one response as the rollups see it; every field overridable, ids unique. */
export function buildObservation(overrides: Partial<Observation> = {}): Observation {
  counter++;
  return {
    responseId: new Types.ObjectId().toHexString(),
    revision: 1,
    surveyId: 'survey-a',
    touchpointId: 'checkout',
    channel: 'email',
    answeredAt: new Date(Date.UTC(2026, 5, 1 + (counter % 28), 12)),
    kind: 'nps',
    scale: { min: 0, max: 10 },
    score: counter % 11,
    confirmed: true,
    ...overrides,
  };
}

/** The day histograms a recomputation from raw observations gives: the latest revision of each response wins. */
export function recompute(observations: readonly Observation[], dayOf: (o: Observation) => string) {
  const latest = new Map<string, Observation>();
  for (const o of observations) {
    const known = latest.get(o.responseId);
    if (!known || known.revision < o.revision) latest.set(o.responseId, o);
  }
  const out: Record<string, Record<string, number>> = {};
  for (const o of latest.values()) {
    if (!o.confirmed || o.score === null) continue;
    const key = `${o.surveyId}|${o.touchpointId ?? '-'}|${o.channel}@${dayOf(o)}`;
    const counts = (out[key] ??= {});
    counts[o.score] = (counts[o.score] ?? 0) + 1;
  }
  return out;
}

/** What the rollups of an organisation hold over some months, in recompute()'s shape (zeros dropped). */
export async function storedRollups(ctx: Ctx, months: string[]) {
  const out: Record<string, Record<string, number>> = {};
  for (const d of await loadDays(ctx, await loadSeries(ctx), months)) {
    const counts = mergeCounts(out[`${d.series}@${d.day}`] ?? {}, d.counts);
    if (Object.keys(counts).length > 0) out[`${d.series}@${d.day}`] = counts;
    else delete out[`${d.series}@${d.day}`];
  }
  return out;
}
