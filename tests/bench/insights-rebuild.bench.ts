import os from 'node:os';

import { Types } from 'mongoose';

import { bandOf } from '@pulse/shared/metrics/scales';

import { systemContext } from '../../server/src/lib/context';
import type { Logger } from '../../server/src/lib/logger';
import { InsightContributionModel, InsightCounterModel } from '../../server/src/modules/insights/insights.model';
import { contributionOf, rebuildCounters } from '../../server/src/modules/insights/insights.service';
import { OrganisationModel } from '../../server/src/modules/organisations/organisation.model';
import { demoObservations } from '../../scripts/lib/analytics-demo';
import { DATASET_LANGUAGES, loadDataset } from '../fixtures/insights/dataset';

/**
 * The seed's demo year: `npm run seed` adds 3,000 answers (DEMO_RESPONSES in scripts/seed.ts), one
 * in four with a comment (scripts/lib/seed-responses.ts). Also ten times that, for an organisation
 * larger than the demo.
 */
const SEED_ANSWERS = 3_000;
const SIZES = [SEED_ANSWERS / 4, (10 * SEED_ANSWERS) / 4];
/**
 * The seed's time budget: the whole seed in under two minutes (tests/server/analytics/seed.test.ts
 * asserts < 120 s); the rest of the seed measured 90.7 s at load 38, so the counters get the rest.
 */
export const SEED_BUDGET_S = 120;
const SEED_WITHOUT_INSIGHTS_S = 90.7;

/**
 * A demo year of comments (the analytics demo's year of answers, each with a labelled comment)
 * through extraction into per-comment contributions, then `insights.rebuild` turning them into
 * counters: the path a seed or a repair takes instead of one job per comment.
 */
export async function benchInsightRebuild(log: Logger): Promise<void> {
  for (const comments of SIZES) await rebuildYear(log, comments);
}

async function rebuildYear(log: Logger, comments: number): Promise<void> {
  const org = await OrganisationModel.create({ name: 'Bench insights', senderName: 'Bench', timeZone: 'UTC' });
  const organisationId = String(org._id);
  const ctx = systemContext({ organisationId, log });
  const texts = DATASET_LANGUAGES.flatMap((language) => loadDataset(language).map((r) => ({ language, text: r.text })));
  const year = demoObservations({ count: comments, end: new Date('2026-11-30T12:00:00Z'), surveyId: 'bench' });

  const t0 = performance.now();
  const docs = year.map((o, i) => {
    const { language, text } = texts[i % texts.length]!;
    const c = contributionOf({
      organisationId,
      responseId: new Types.ObjectId().toHexString(),
      touchpointId: o.touchpointId,
      language,
      band: bandOf('nps', o.scale, o.score!),
      comment: text,
      answeredAt: o.answeredAt,
    })!;
    return { _id: new Types.ObjectId(), organisationId, ...c };
  });
  const extractS = (performance.now() - t0) / 1000;
  for (let i = 0; i < docs.length; i += 1_000) await InsightContributionModel.insertMany(docs.slice(i, i + 1_000));
  const loadS = (performance.now() - t0) / 1000 - extractS;

  const t1 = performance.now();
  const result = await rebuildCounters(ctx);
  const rebuildS = (performance.now() - t1) / 1000;
  const total = extractS + loadS + rebuildS;
  const left = SEED_BUDGET_S - SEED_WITHOUT_INSIGHTS_S;
  console.log(
    `  ${comments === SIZES[0] ? 'demo year' : '10× demo year'}: ${result.comments} comments → ${result.counters} ` +
      `counters; extraction ${extractS.toFixed(1)} s, contributions written ${loadS.toFixed(1)} s, rebuild ` +
      `${rebuildS.toFixed(1)} s; total ${total.toFixed(1)} s against the ${left.toFixed(1)} s the seed's ` +
      `${SEED_BUDGET_S} s budget leaves (${total <= left ? 'within' : 'OVER'}); load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  await InsightCounterModel.deleteMany({ organisationId });
  await InsightContributionModel.deleteMany({ organisationId });
}
