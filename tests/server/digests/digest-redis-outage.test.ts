import type { Redis } from 'ioredis';

import { addDaysToKey, localDay } from '@pulse/shared/metrics/time-buckets';

import { freePort, startRedis, type Service } from '../../../scripts/lib/services';
import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { bindJobs, createJobs, startJobWorkers, type Jobs } from '../../../server/src/lib/jobs';
import { createMailer } from '../../../server/src/lib/mailer';
import { createRedis, redisReady } from '../../../server/src/lib/redis';
import { DigestRunModel } from '../../../server/src/modules/digests/digest-run.model';
import { periodContaining } from '../../../server/src/modules/digests/digest-schedule';
import { deliverDigest, requeueStuckDigests } from '../../../server/src/modules/digests/digests.service';
import { enqueueDueDigests } from '../../../server/src/modules/digests/enqueue-digests.job';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { workerJobs } from '../../../server/src/registry';
import { signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';
import { until } from '../../setup/until';

/**
 * A Redis of this test's own (nothing kept on disk), stopped and started again around a digest's
 * send: what it held (the mail's send job) is gone when it returns, so only the digest run, the
 * stored mail and the digest tick can deliver what was built.
 */
jest.setTimeout(120_000);

let h: Harness;
let owner: Teammate;
let ctx: Ctx;
let port: number;
let redisServer: Service;
let producer: Redis;
let jobs: Jobs;
const closers: Array<() => Promise<unknown>> = [];

const ZONE = 'Asia/Kolkata';
const hourNow = () =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
const settings = () => ({ frequency: 'daily', hour: hourNow(), timeZone: ZONE }) as const;
const tomorrow = () => periodContaining(settings(), addDaysToKey(localDay(new Date(), ZONE), 1));

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  const touchpoint = await buildTouchpoint({ org: owner.organisationId });
  for (const score of [2, 10, 9]) await answerAsContact(ctx, score, { touchpointId: touchpoint.id });
  h.startWorker();
  await h.eventsSettled();
  port = await freePort();
  redisServer = await startRedis({ port });
  producer = createRedis(redisServer.url, 'producer');
  // The fail-fast client reports each lost connection; the failed store is what this test makes.
  producer.on('error', () => undefined);
  await redisReady(producer);
  jobs = createJobs(producer);
  bindJobs(jobs);
});
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await jobs?.close().catch(() => undefined);
  producer?.disconnect();
  await redisServer?.stop();
  bindJobs(h.jobs);
  await h?.close();
});

function startWorker() {
  const connection = createRedis(redisServer.url, 'worker');
  connection.on('error', () => undefined);
  const mailer = createMailer(h.config.SMTP_URL);
  const workers = startJobWorkers({ connection, log: h.log, services: { mailer }, concurrency: 2, jobs: workerJobs() });
  closers.push(async () => {
    await workers.close();
    mailer.close();
    await connection.quit();
  });
}

async function restartRedis() {
  await redisServer.stop();
  redisServer = await startRedis({ port });
  await redisReady(producer);
}

const recipient = async () => {
  const email = uniqueEmail('digest-reader');
  const res = await owner.agent
    .post('/api/v1/digests/recipients')
    .send({ email, ...settings() })
    .expect(201);
  return { email, subscriptionId: res.body.subscription.id as string };
};

const mailsTo = (to: string) => EmailModel.find({ organisationId: owner.organisationId, to }).lean();

describe('digests across a Redis outage', () => {
  it('when the mail was stored and queued but Redis lost its job, then the next tick queues it again and it is sent once', async () => {
    const { email, subscriptionId } = await recipient();
    const period = tomorrow();
    // No worker yet: the mail's job waits in Redis, which then restarts empty.
    expect(await deliverDigest(ctx, subscriptionId, period.day)).toBe('sent');
    await restartRedis();
    startWorker();

    expect(await requeueStuckDigests()).toBeGreaterThanOrEqual(1);
    await waitForMail(email);
    await until(
      () => mailsTo(email),
      (mails) => mails.length === 1 && mails[0]!.state === 'sent',
    );
    // Sent now: the next tick finds nothing to queue again for it.
    expect(await requeueStuckDigests()).toBe(0);
  });

  it('when Redis goes down right after the mail is stored, then the digest is not lost: it is released and the next tick sends it, once', async () => {
    const { email, subscriptionId } = await recipient();
    const period = tomorrow();
    await redisServer.stop();
    await expect(deliverDigest(ctx, subscriptionId, period.day)).rejects.toThrow();
    // The mail is stored but marked failed (its job could not be queued); the run waits for a retry.
    expect((await mailsTo(email)).map((m) => [m.state, m.attempts])).toEqual([['failed', 0]]);
    const run = await DigestRunModel.findOne({ organisationId: owner.organisationId, subscriptionId }).lean();
    expect(run!.state).toBe('pending');

    redisServer = await startRedis({ port });
    await redisReady(producer);
    await enqueueDueDigests(new Date(period.dueAt.getTime() + 60_000));
    await waitForMail(email);
    await until(
      () => mailsTo(email),
      (mails) => mails.length === 1 && mails[0]!.state === 'sent',
    );
    await until(
      () => DigestRunModel.findOne({ organisationId: owner.organisationId, subscriptionId }).lean(),
      (r) => r?.state === 'sent',
    );
  });
});
