import { Types } from 'mongoose';

import type { ResponseChannel } from '@pulse/shared/schemas/responses';

import type { Ctx } from '../../server/src/lib/context';
import { scaleOf } from '../../server/src/modules/analytics/response-source';
import { storedResponses } from '../../server/src/modules/analytics/response-source';
import type { Observation } from '../../server/src/modules/analytics/rollup-keys';
import { seedRollups } from '../../server/src/modules/analytics/rollups.rebuild';
import { reportingZone } from '../../server/src/modules/analytics/rollups.service';
import { importResponses, type HistoricalResponse } from '../../server/src/modules/responses/responses.import';
import { streamResponses } from '../../server/src/modules/responses/responses.read';
import { DEMO_TOUCHPOINTS, demoObservations } from './analytics-demo';

/** Comments by band, in English and French: the verbatims panel and text insights have something to read. */
const COMMENTS = {
  promoter: [
    ['en', 'Fast delivery and the support team was lovely'],
    ['en', 'Checkout took a minute, great experience'],
    ['fr', 'Livraison rapide, très satisfait'],
    ['fr', 'Service client très aimable'],
  ],
  passive: [
    ['en', 'Fine overall, the app could be quicker'],
    ['fr', 'Correct, mais le site est un peu lent'],
  ],
  detractor: [
    ['en', 'The parcel arrived late and the box was damaged'],
    ['en', 'Waited forty minutes on the phone for support'],
    ['fr', 'Colis arrivé en retard, emballage abîmé'],
    ['fr', 'Personne ne répond au service client'],
  ],
} as const;

const PLANS = ['free', 'pro', 'enterprise'] as const;

/**
 * A year of NPS answers for the demo organisation (same generator as the benchmark: improving
 * over the year, a dip at delivery, web answers at support trailing email), stored in bulk
 * through the responses module; the rollups are then built from those stored responses by the
 * rebuild's builder, which is what the response events would have produced one by one. Skipped when the organisation
 * already has responses, so running the seed again adds nothing.
 */
export async function seedDemoResponses(
  ctx: Ctx,
  opts: { surveyId: string; touchpoints: { id: string; key: string }[]; count: number },
): Promise<{ responses: number; rollups: number }> {
  for await (const _ of streamResponses(ctx)) return { responses: 0, rollups: 0 };
  const survey = { id: opts.surveyId, version: 1, kind: 'nps' as const, scale: await scaleOf(ctx, opts.surveyId, 1) };
  const byDemoKey = new Map(DEMO_TOUCHPOINTS.map((key, i) => [key, opts.touchpoints[i % opts.touchpoints.length]!]));
  const rows: HistoricalResponse[] = demoObservations({
    count: opts.count,
    end: new Date(),
    surveyId: opts.surveyId,
  }).map((o, i) => {
    const touchpoint = byDemoKey.get(o.touchpointId as (typeof DEMO_TOUCHPOINTS)[number])!;
    const band = o.score! >= 9 ? 'promoter' : o.score! >= 7 ? 'passive' : 'detractor';
    const pool = COMMENTS[band];
    const [language, comment] = pool[Math.floor(i / 4) % pool.length]!;
    return {
      _id: new Types.ObjectId(),
      survey,
      touchpointId: touchpoint.id,
      touchpointKey: touchpoint.key,
      channel: (o.channel === 'web' ? 'link' : 'email') as ResponseChannel,
      contactAttributes: { plan: PLANS[i % PLANS.length]! },
      language,
      score: o.score!,
      // One answer in four leaves a comment.
      comment: i % 4 === 0 ? comment : null,
      answeredAt: o.answeredAt,
    };
  });
  await importResponses(ctx, rows);
  // The rebuild's own builder over what was stored; written in bulk, as the organisation had none.
  const stored: Observation[] = [];
  for await (const o of storedResponses.observations(ctx)) stored.push(o);
  const documents = await seedRollups(ctx, stored, await reportingZone(ctx));
  return { responses: rows.length, rollups: documents };
}
