import { Types } from 'mongoose';

import { bandOf } from '@pulse/shared/metrics/scales';

import { systemContext } from '../../server/src/lib/context';
import type { Logger } from '../../server/src/lib/logger';
import { InsightContributionModel, InsightCounterModel } from '../../server/src/modules/insights/insights.model';
import { contributionOf, rebuildCounters } from '../../server/src/modules/insights/insights.service';
import { OrganisationModel } from '../../server/src/modules/organisations/organisation.model';
import { demoObservations } from '../../scripts/lib/analytics-demo';
import { DATASET_LANGUAGES, loadDataset } from '../fixtures/insights/dataset';

const COMMENTS = 10_000;
/** What `npm run seed` may spend on a demo organisation's year of comments. */
export const SEED_BUDGET_S = 60;

/**
 * A demo year of comments (the analytics demo's year of answers, each with a labelled comment)
 * through extraction into per-comment contributions, then `insights.rebuild` turning them into
 * counters: the path a seed or a repair takes instead of one job per comment.
 */
export async function benchInsightRebuild(log: Logger): Promise<void> {
  const org = await OrganisationModel.create({ name: 'Bench insights', senderName: 'Bench', timeZone: 'UTC' });
  const organisationId = String(org._id);
  const ctx = systemContext({ organisationId, log });
  const texts = DATASET_LANGUAGES.flatMap((language) => loadDataset(language).map((r) => ({ language, text: r.text })));
  const year = demoObservations({ count: COMMENTS, end: new Date('2026-11-30T12:00:00Z'), surveyId: 'bench' });

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
  console.log(
    `  demo year: ${result.comments} comments → ${result.counters} counters; extraction ${extractS.toFixed(1)} s, ` +
      `contributions written ${loadS.toFixed(1)} s, rebuild ${rebuildS.toFixed(1)} s; ` +
      `total ${total.toFixed(1)} s against a ${SEED_BUDGET_S} s budget (${total <= SEED_BUDGET_S ? 'within' : 'OVER'})`,
  );
  await InsightCounterModel.deleteMany({ organisationId });
  await InsightContributionModel.deleteMany({ organisationId });
}
