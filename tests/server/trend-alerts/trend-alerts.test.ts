import { localDay } from '@pulse/shared/metrics/time-buckets';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { seedRollups } from '../../../server/src/modules/analytics/rollups.rebuild';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { getOrganisation } from '../../../server/src/modules/organisations/organisation.service';
import {
  CheckOrganisationTrends,
  CheckTrends,
  scheduleTrendChecks,
} from '../../../server/src/modules/trend-alerts/check-trends.job';
import { TrendAlertModel } from '../../../server/src/modules/trend-alerts/trend-alert.model';
import { checkTrends, lastCompleteWeek } from '../../../server/src/modules/trend-alerts/trend-alerts.service';
import { addDaysToKey } from '@pulse/shared/metrics/time-buckets';
import { addTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { buildObservation } from '../../factories/observations';
import { waitForMail } from '../../setup/mail';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  h.startWorker();
});
afterAll(() => h.close());

/** A deterministic PRNG (mulberry32), so the "random" week is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `counts` answers (score → how many) spread over the seven days from `monday`, at noon. */
function week(touchpointId: string, monday: string, counts: Record<number, number>) {
  const out = [];
  let i = 0;
  for (const [score, n] of Object.entries(counts))
    for (let k = 0; k < n; k++, i++)
      out.push(
        buildObservation({
          touchpointId,
          surveyId: 'trend-survey',
          score: Number(score),
          answeredAt: new Date(`${addDaysToKey(monday, i % 7)}T12:00:00Z`),
        }),
      );
  return out;
}

describe('proactive trend alerts', () => {
  it('a real drop alerts the owners once per touchpoint-week; a small or random fluctuation never does', async () => {
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    const steady = await buildTouchpoint({ org: owner.organisationId, key: 'steady' });
    const noisy = await buildTouchpoint({ org: owner.organisationId, key: 'noisy' });
    const dropped = await buildTouchpoint({ org: owner.organisationId, key: 'dropped' });
    const zone = (await getOrganisation(ctx)).timeZone;
    const last = lastCompleteWeek(localDay(new Date(), zone));
    const before = addDaysToKey(last.from, -7);

    // Week before, every touchpoint: 50 promoters, 30 passives, 20 detractors → NPS +30 (n = 100).
    const usual = { 10: 50, 8: 30, 3: 20 };
    // "steady" moves to +26 (48/30/22): −4 points on 100 answers each week, p ≈ 0.7.
    // "dropped" falls to −20 (25/30/45): −50 points, p < 0.001.
    // "noisy": both weeks 150 answers drawn from one distribution (0–10 uniform), seeded.
    const draw = random(42);
    const noise = (n: number) => {
      const counts: Record<number, number> = {};
      for (let i = 0; i < n; i++) {
        const s = Math.floor(draw() * 11);
        counts[s] = (counts[s] ?? 0) + 1;
      }
      return counts;
    };
    await seedRollups(
      ctx,
      [
        ...week(steady.id, before, usual),
        ...week(steady.id, last.from, { 10: 48, 8: 30, 3: 22 }),
        ...week(dropped.id, before, usual),
        ...week(dropped.id, last.from, { 10: 25, 8: 30, 3: 45 }),
        ...week(noisy.id, before, noise(150)),
        ...week(noisy.id, last.from, noise(150)),
      ],
      zone,
    );

    // The hourly fan-out, through BullMQ as the schedule runs it, then this organisation's check.
    await h.jobFinished(await h.jobs.enqueue(CheckTrends, {}));
    const jobs = await h.jobs.queues.bulk.getJobs(['waiting', 'active', 'completed', 'delayed', 'prioritized']);
    const mine = jobs.find(
      (j) => j.name === CheckOrganisationTrends.name && j.data.organisationId === owner.organisationId,
    );
    await h.jobFinished(mine!);
    const subject = `NPS dropped at Touchpoint dropped in ${last.week}`;
    // The owner's first mail is the sign-up's address check.
    expect((await waitForMail(owner.email, 2)).map((m) => m.subject)).toContain(subject);
    expect((await waitForMail(admin.email)).map((m) => m.subject)).toContain(subject);

    // Run the check again (a redelivery, a second worker, the next hour): nothing new.
    const again = await h.jobs.enqueue(CheckOrganisationTrends, { organisationId: owner.organisationId });
    await h.jobFinished(again);
    const alerts = await TrendAlertModel.find({ organisationId: owner.organisationId }).lean();
    expect(alerts.map((a) => [a.touchpointId, a.week])).toEqual([[dropped.id, last.week]]);
    expect(alerts[0]!.difference).toBeCloseTo(-50, 6);
    const mails = await EmailModel.find({ organisationId: owner.organisationId, kind: 'trend.alert' }).lean();
    expect(mails.map((m) => m.to).sort()).toEqual([owner.email, admin.email].sort());
    expect(mails.map((m) => m.to)).not.toContain(editor.email);
  });

  it("a touchpoint's owner team and owner people are told instead of the admins; one without owners tells the admins", async () => {
    const boss = await signUpOwner(h.app);
    const bossCtx = systemContext({ organisationId: boss.organisationId, log: h.log });
    const [admin, support, analyst, bystander] = await Promise.all(
      (['admin', 'editor', 'viewer', 'editor'] as const).map((role) => addTeammate(h.app, boss.organisationId, role)),
    );
    const team = (
      await boss.agent
        .post('/api/v1/teams')
        .send({ name: 'Repairs', memberIds: [support!.session.user.id] })
        .expect(201)
    ).body.team as { id: string };
    const owned = await buildTouchpoint({ org: boss.organisationId, key: 'owned' });
    const unowned = await buildTouchpoint({ org: boss.organisationId, key: 'unowned' });
    const stranger = await signUpOwner(h.app);
    const bad = await boss.agent
      .patch(`/api/v1/touchpoints/${owned.id}`)
      .send({ ownerTeamId: team.id, ownerUserIds: [analyst!.session.user.id, stranger.session.user.id] })
      .expect(400);
    expect(bad.body.error.details[0].path).toBe('body.ownerUserIds.1');
    const set = await boss.agent
      .patch(`/api/v1/touchpoints/${owned.id}`)
      .send({ ownerTeamId: team.id, ownerUserIds: [analyst!.session.user.id] })
      .expect(200);
    expect(set.body.touchpoint).toMatchObject({ ownerTeamId: team.id, ownerUserIds: [analyst!.session.user.id] });

    const zone = (await getOrganisation(bossCtx)).timeZone;
    const last = lastCompleteWeek(localDay(new Date(), zone));
    const before = addDaysToKey(last.from, -7);
    const usual = { 10: 50, 8: 30, 3: 20 };
    const worse = { 10: 25, 8: 30, 3: 45 };
    await seedRollups(
      bossCtx,
      [
        ...week(owned.id, before, usual),
        ...week(owned.id, last.from, worse),
        ...week(unowned.id, before, usual),
        ...week(unowned.id, last.from, worse),
      ],
      zone,
    );
    expect(await checkTrends(bossCtx)).toBe(2);
    const alerts = await TrendAlertModel.find({ organisationId: boss.organisationId }).lean();
    const to = (tp: string) => alerts.find((a) => String(a.touchpointId) === tp)!.recipients.sort();
    expect(to(owned.id)).toEqual([analyst!.email, support!.email].sort());
    expect(to(unowned.id)).toEqual([admin!.email, boss.email].sort());
    const mails = await EmailModel.find({ organisationId: boss.organisationId, kind: 'trend.alert' }).lean();
    expect(mails.map((m) => m.to)).not.toContain(bystander!.email);
    expect(mails).toHaveLength(4);
  });

  it('is declared as one repeatable job', async () => {
    await scheduleTrendChecks();
    await scheduleTrendChecks();
    const schedulers = await h.jobs.queues.bulk.getJobSchedulers();
    expect(schedulers.filter((s) => s.name === CheckTrends.name)).toHaveLength(1);
  });
});
