import { addDaysToKey, isoWeekOfDay, localDay, localDayStart } from '@pulse/shared/metrics/time-buckets';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { seedRollups } from '../../../server/src/modules/analytics/rollups.rebuild';
import { buildDigest } from '../../../server/src/modules/digests/digest.content';
import { digestMail } from '../../../server/src/modules/digests/digests.emails';
import { InsightCounterModel } from '../../../server/src/modules/insights/insights.model';
import { getOrganisation } from '../../../server/src/modules/organisations/organisation.service';
import { signUpOwner } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { buildObservation } from '../../factories/observations';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  const owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
});
afterAll(() => h.close());

/** `counts` answers (score → how many) on one local day, at noon UTC. */
const day = (touchpointId: string, key: string, counts: Record<number, number>) =>
  Object.entries(counts).flatMap(([score, n]) =>
    Array.from({ length: n }, () =>
      buildObservation({
        touchpointId,
        surveyId: 'digest-survey',
        score: Number(score),
        answeredAt: new Date(`${key}T12:00:00Z`),
      }),
    ),
  );

const counter = (week: string, term: string, mentions: number) => ({
  _id: `${ctx.organisationId}:-:en:${week}:${term}`,
  organisationId: ctx.organisationId,
  touchpointId: null,
  language: 'en',
  week,
  term,
  label: term,
  kind: 'aspect',
  mentions,
  bands: { detractor: mentions },
  sentimentSum: -0.5 * mentions,
});

describe('what a digest says', () => {
  it('flags a change only when the dashboard’s test finds it significant, and lists emerging themes', async () => {
    const dropped = await buildTouchpoint({ org: ctx.organisationId, key: 'dropped' });
    const steady = await buildTouchpoint({ org: ctx.organisationId, key: 'steady' });
    const zone = (await getOrganisation(ctx)).timeZone;
    // Yesterday in the reporting zone against the day before: −50 points on 100 answers (p < 0.001)
    // for one touchpoint, −4 points for the other (p ≈ 0.7).
    const yesterday = addDaysToKey(localDay(new Date(), zone), -1);
    const before = addDaysToKey(yesterday, -1);
    const usual = { 10: 50, 8: 30, 3: 20 };
    await seedRollups(
      ctx,
      [
        ...day(dropped.id, before, usual),
        ...day(dropped.id, yesterday, { 10: 25, 8: 30, 3: 45 }),
        ...day(steady.id, before, usual),
        ...day(steady.id, yesterday, { 10: 48, 8: 30, 3: 22 }),
      ],
      zone,
    );
    // "delivery time" all but absent for two months, then everywhere in the last weeks.
    const weeks = Array.from({ length: 12 }, (_, i) => isoWeekOfDay(addDaysToKey(yesterday, -7 * (11 - i))));
    await InsightCounterModel.insertMany(
      weeks.flatMap((week, i) =>
        i < 8
          ? [counter(week, 'staff', 30), counter(week, 'delivery time', 1)]
          : [counter(week, 'staff', 30), counter(week, 'delivery time', 25)],
      ),
    );

    const content = await buildDigest(ctx, {
      coverage: { from: localDayStart(yesterday, zone), to: localDayStart(addDaysToKey(yesterday, 1), zone) },
      touchpointIds: [],
    });
    const byName = new Map(content.scores.map((s) => [s.touchpoint, s]));
    expect(byName.get('Touchpoint dropped')).toMatchObject({ kind: 'nps', score: -20, n: 100 });
    expect(byName.get('Touchpoint dropped')!.change.significant).toBe(true);
    expect(byName.get('Touchpoint steady')!.change.significant).toBe(false);
    expect(content.themes.map((t) => t.label)).toContain('delivery time');
    expect(content.themes.map((t) => t.label)).not.toContain('staff');

    const { text } = digestMail('someone@example.test', {
      frequency: 'daily',
      content,
      appUrl: (p) => `https://pulse.example${p}`,
      unsubscribeUrl: 'https://pulse.example/digest-unsubscribe/x',
      settingsUrl: 'https://pulse.example/digests',
    });
    expect(text).toContain(
      '- Touchpoint dropped · NPS -20.0 (n = 100), significant change -50.0 pts against the period before',
    );
    expect(text).toMatch(/- Touchpoint steady · NPS 26\.0 \(n = 100\)\n/);
    expect(text).toMatch(/Emerging themes\n- delivery time \(\d+ mentions\)/);
  });
});
