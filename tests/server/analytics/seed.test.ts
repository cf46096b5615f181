import { localDay } from '@pulse/shared/metrics/time-buckets';
import { SummaryResponse, VerbatimsResponse } from '@pulse/shared/schemas/analytics';

import { systemContext } from '../../../server/src/lib/context';
import { storedResponses } from '../../../server/src/modules/analytics/response-source';
import { seedDemoSurveys } from '../../../server/src/modules/surveys/surveys.seed';
import { listTouchpoints } from '../../../server/src/modules/touchpoints/touchpoints.service';
import { seedDemoResponses } from '../../../scripts/lib/seed-responses';
import { seedDistribution } from '../../../scripts/seed-distribution';
import { signUpOwner } from '../../factories/accounts';
import { recompute, storedRollups } from '../../factories/observations';
import { startHarness, type Harness } from '../../setup/harness';

jest.setTimeout(300_000);
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** The seed's own budget (README): the whole `npm run seed` finishes in under two minutes. */
const BUDGET_MS = 120_000;

describe('the seeded demo year', () => {
  it('fills a newcomer’s dashboard with a year of answers whose rollups equal a recomputation, within budget, once', async () => {
    const owner = await signUpOwner(h.app);
    const ctx = systemContext({ organisationId: owner.organisationId, log: h.log, name: 'Seed' });
    const [npsSurvey] = await seedDemoSurveys(ctx);
    await seedDistribution(ctx);
    const touchpoints = (await listTouchpoints(ctx)).map((t) => ({ id: String(t._id), key: t.key }));

    const started = Date.now();
    const seeded = await seedDemoResponses(ctx, { surveyId: npsSurvey!, touchpoints, count: 3_000 });
    const took = Date.now() - started;
    console.log(
      `seeded ${seeded.responses} responses, ${seeded.rollups} rollup documents in ${(took / 1000).toFixed(1)} s`,
    );
    expect(seeded.responses).toBe(3_000);
    expect(took).toBeLessThan(BUDGET_MS);

    const raw = [];
    for await (const o of storedResponses.observations(ctx)) raw.push(o);
    const months = [...new Set(raw.map((o) => localDay(o.answeredAt, 'UTC').slice(0, 7)))];
    expect(months.length).toBeGreaterThanOrEqual(12);
    expect(await storedRollups(ctx, months)).toEqual(recompute(raw, (o) => localDay(o.answeredAt, 'UTC')));

    const summary = SummaryResponse.parse((await owner.agent.get('/api/v1/metrics').expect(200)).body);
    expect(summary.figure.enough).toBe(true);
    expect(summary.dimensions.touchpoints).toHaveLength(4);
    expect(summary.dimensions.channels).toEqual(['email', 'link']);
    const french = VerbatimsResponse.parse(
      (await owner.agent.get('/api/v1/metrics/verbatims?q=livraison').expect(200)).body,
    );
    expect(french.verbatims.length).toBeGreaterThan(0);

    expect(await seedDemoResponses(ctx, { surveyId: npsSurvey!, touchpoints, count: 3_000 })).toEqual({
      responses: 0,
      rollups: 0,
    });
  });
});
