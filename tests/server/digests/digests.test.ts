import request from 'supertest';

import { addDaysToKey, localDay } from '@pulse/shared/metrics/time-buckets';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { derivedId } from '../../../server/src/lib/derived-id';
import { DigestRunModel } from '../../../server/src/modules/digests/digest-run.model';
import { periodContaining } from '../../../server/src/modules/digests/digest-schedule';
import { DigestSubscriptionModel } from '../../../server/src/modules/digests/digest-subscription.model';
import {
  enqueueDueDigests,
  scheduleDigests,
  EnqueueDigests,
} from '../../../server/src/modules/digests/enqueue-digests.job';
import { SendDigest } from '../../../server/src/modules/digests/send-digest.job';
import { deliverDigest } from '../../../server/src/modules/digests/digests.service';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { addTeammate, signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;
let touchpoint: { id: string };

const ZONE = 'Asia/Kolkata';
// The current hour there: today's digest time has just passed, tomorrow's covers everything from it.
const hourNow = () =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
const settings = () => ({ frequency: 'daily', hour: hourNow(), timeZone: ZONE }) as const;
const tomorrow = () => periodContaining(settings(), addDaysToKey(localDay(new Date(), ZONE), 1));

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  h.startWorker();
  touchpoint = await buildTouchpoint({ org: owner.organisationId, key: 'repair' });
  const angry = await answerAsContact(ctx, 2, { touchpointId: touchpoint.id });
  await angry.comment('The technician never came');
  for (const score of [10, 9, 10, 7]) await answerAsContact(ctx, score, { touchpointId: touchpoint.id });
  await h.eventsSettled();
});
afterAll(() => h.close());

/** Runs the tick at `now` and waits for the digest job it queued for `subscriptionId`. */
async function tick(now: Date, subscriptionId: string, periodKey: string) {
  await enqueueDueDigests(now);
  const job = await h.jobs.queues.bulk.getJob(`digest-${subscriptionId}-${periodKey}`);
  expect(job).toBeDefined();
  await h.jobFinished(job!);
}

const paths = (res: { body: { error: { details?: Array<{ path: string }> } } }) =>
  (res.body.error.details ?? []).map((d) => d.path);

describe('digest subscriptions', () => {
  it('a bad time zone or hour answers 400 with the field path, and nothing is stored', async () => {
    const zone = await owner.agent.put('/api/v1/digests/me').send({ ...settings(), timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(paths(zone)).toEqual(['body.timeZone']);
    const hour = await owner.agent.put('/api/v1/digests/me').send({ ...settings(), hour: 24 });
    expect(hour.status).toBe(400);
    expect(paths(hour)).toEqual(['body.hour']);
    expect((await owner.agent.get('/api/v1/digests/me').expect(200)).body.subscription).toBeNull();
  });

  it('a recipient of another organisation is not found', async () => {
    const other = await signUpOwner(h.app);
    const created = await other.agent
      .post('/api/v1/digests/recipients')
      .send({ ...settings(), email: uniqueEmail('theirs') })
      .expect(201);
    await owner.agent.patch(`/api/v1/digests/recipients/${created.body.subscription.id}`).send({ hour: 9 }).expect(404);
    expect((await owner.agent.get('/api/v1/digests/recipients').expect(200)).body.subscriptions).toEqual([]);
  });
});

describe('a due daily digest in Asia/Kolkata', () => {
  let subscriptionId: string;

  it('is sent once, with every section, on the bulk queue', async () => {
    const saved = await owner.agent.put('/api/v1/digests/me').send(settings()).expect(200);
    subscriptionId = saved.body.subscription.id;
    const period = tomorrow();
    expect(saved.body.subscription.nextDueAt).toBe(period.dueAt.toISOString());

    // A minute before, nothing; a minute after, the digest.
    await enqueueDueDigests(new Date(period.dueAt.getTime() - 60_000));
    expect(await h.jobs.queues.bulk.getJob(`digest-${subscriptionId}-${period.key}`)).toBeUndefined();
    await tick(new Date(period.dueAt.getTime() + 60_000), subscriptionId, period.key);

    // The owner's first mail is the sign-up's address check.
    const digest = (await waitForMail(owner.email, 2)).find((m) => m.subject.startsWith('Daily digest for Org '));
    for (const section of ['Scores', 'Volume', 'New detractors', 'Cases', 'What customers said', 'Emerging themes'])
      expect(digest!.text).toContain(`\n${section}\n`);
    expect(digest!.text).toContain('- Touchpoint repair · NPS ');
    expect(digest!.text).toContain('- 5 responses');
    expect(digest!.text).toContain('- 1 since the last digest');
    expect(digest!.text).toContain('The technician never came');
    expect(digest!.text).toMatch(/“The technician never came” http:\/\/\S+\/analytics\?kind=nps/);
    expect(digest!.headers['list-unsubscribe']).toMatch(/digest-unsubscribe\/dgs_/);

    const run = await DigestRunModel.findOne({ organisationId: owner.organisationId, period: period.key }).lean();
    expect(run).toMatchObject({ state: 'sent' });
    expect(await h.jobs.queues.bulk.getJob(`mail.send-${run!.emailId}`)).toBeDefined();

    // Re-run: the tick (the subscription knows its period) and the job itself, redelivered.
    expect(await enqueueDueDigests(new Date(period.dueAt.getTime() + 120_000))).toBe(0);
    const again = await h.jobs.enqueue(SendDigest, {
      organisationId: owner.organisationId,
      subscriptionId,
      day: period.day,
    });
    await h.jobFinished(again);
    expect(await EmailModel.countDocuments({ organisationId: owner.organisationId, kind: 'digest' })).toBe(1);
  });

  it('the next day, with nothing new, is skipped and the decision recorded', async () => {
    const next = periodContaining(settings(), addDaysToKey(tomorrow().day, 1));
    await tick(new Date(next.dueAt.getTime() + 60_000), subscriptionId, next.key);
    const run = await DigestRunModel.findOne({ organisationId: owner.organisationId, period: next.key }).lean();
    expect(run).toMatchObject({ state: 'skipped', reason: 'no answers since the last digest' });
    expect(await EmailModel.countDocuments({ organisationId: owner.organisationId, kind: 'digest' })).toBe(1);
    const mine = await owner.agent.get('/api/v1/digests/me').expect(200);
    expect(mine.body.subscription.lastPeriod).toBe(next.key);
  });

  it('a preview is sent at once, whatever is due', async () => {
    const res = await owner.agent.post('/api/v1/digests/me/preview').send(settings()).expect(202);
    expect(res.body.emailId).toMatch(/^[a-f0-9]{24}$/);
    const mails = await waitForMail(owner.email, 3);
    expect(mails.map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Preview: Daily digest/));
  });
});

describe('a worker that died while building a digest', () => {
  it('holds the period while its claim is fresh; once stale, another worker sends it, once', async () => {
    const email = uniqueEmail('crash');
    const created = await owner.agent
      .post('/api/v1/digests/recipients')
      .send({ ...settings(), email })
      .expect(201);
    const subscriptionId: string = created.body.subscription.id;
    const period = tomorrow();
    const coverage = { from: new Date(period.dueAt.getTime() - 86_400_000), to: period.dueAt };
    await DigestRunModel.create({
      _id: derivedId('digest-run', subscriptionId, period.key),
      organisationId: owner.organisationId,
      subscriptionId,
      period: period.key,
      coverage,
      state: 'building',
      claimedAt: new Date(),
    });
    expect(await deliverDigest(ctx, subscriptionId, period.day)).toBe('done-already');
    await DigestRunModel.updateOne(
      { organisationId: owner.organisationId, subscriptionId, period: period.key },
      { $set: { claimedAt: new Date(Date.now() - 10 * 60_000) } },
    );
    expect(await deliverDigest(ctx, subscriptionId, period.day)).toBe('sent');
    expect(await deliverDigest(ctx, subscriptionId, period.day)).toBe('done-already');
    await waitForMail(email);
    expect(await EmailModel.countDocuments({ organisationId: owner.organisationId, to: email })).toBe(1);
  });
});

describe('a teammate who left', () => {
  it('receives no more digests of the organisation', async () => {
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    const saved = await editor.agent.put('/api/v1/digests/me').send(settings()).expect(200);
    // Removed by the owner, as the team page does.
    await owner.agent.delete(`/api/v1/members/${editor.membershipId}`).expect(204);
    const period = tomorrow();
    await tick(new Date(period.dueAt.getTime() + 60_000), saved.body.subscription.id, period.key);
    expect(await EmailModel.countDocuments({ organisationId: owner.organisationId, to: editor.email })).toBe(0);
  });
});

describe('a recipient without an account', () => {
  it('receives the digest, and its unsubscribe link stops the next ones', async () => {
    const email = uniqueEmail('board');
    const created = await owner.agent
      .post('/api/v1/digests/recipients')
      .send({ ...settings(), email, touchpointIds: [touchpoint.id] })
      .expect(201);
    const subscriptionId: string = created.body.subscription.id;
    expect(created.body.subscription.kind).toBe('recipient');
    await owner.agent
      .post('/api/v1/digests/recipients')
      .send({ ...settings(), email })
      .expect(409);

    const period = tomorrow();
    await tick(new Date(period.dueAt.getTime() + 60_000), subscriptionId, period.key);
    const [digest] = await waitForMail(email);
    expect(digest!.text).toContain('The technician never came');

    const link = new URL(linksIn(digest!).find((l) => l.includes('/digest-unsubscribe/'))!);
    // Opening the link changes nothing (mail scanners open links); the button does.
    const page = await request(h.app).get(link.pathname).expect(200);
    expect(page.text).toContain('<form method="post">');
    expect(
      (await DigestSubscriptionModel.findById(subscriptionId).setOptions({ crossTenant: true }).lean())!.active,
    ).toBe(true);
    const done = await request(h.app).post(link.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(done.text).toContain('You are unsubscribed');
    expect(
      (await DigestSubscriptionModel.findById(subscriptionId).setOptions({ crossTenant: true }).lean())!.active,
    ).toBe(false);

    const next = periodContaining(settings(), addDaysToKey(period.day, 1));
    await enqueueDueDigests(new Date(next.dueAt.getTime() + 60_000));
    expect(await h.jobs.queues.bulk.getJob(`digest-${subscriptionId}-${next.key}`)).toBeUndefined();
    // A forged token finds nothing.
    await request(h.app)
      .post(link.pathname.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))
      .expect(404);
  });

  it('the tick is one repeatable job', async () => {
    await scheduleDigests();
    await scheduleDigests();
    const schedulers = await h.jobs.queues.bulk.getJobSchedulers();
    expect(schedulers.filter((s) => s.name === EnqueueDigests.name)).toHaveLength(1);
  });
});
