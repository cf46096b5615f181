import type { Express } from 'express';
import type { Redis } from 'ioredis';
import mongoose from 'mongoose';
import request from 'supertest';

import { freePort, startRedis, type Service } from '../../../scripts/lib/services';
import { createApp } from '../../../server/src/app';
import { bindJobs, createJobs, startJobWorkers, type Jobs } from '../../../server/src/lib/jobs';
import { createMailer } from '../../../server/src/lib/mailer';
import { createRedis, redisReady } from '../../../server/src/lib/redis';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { configureSurveySending } from '../../../server/src/modules/invitations/send-invitation.job';
import { sweepInvitations, SWEEP_EVERY_MS } from '../../../server/src/modules/invitations/sweep-invitations.job';
import { workerJobs } from '../../../server/src/registry';
import { uniqueEmail } from '../../factories/accounts';
import { buildDistribution } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';
import { until } from '../../setup/until';

/**
 * A Redis of this test's own (redis-server, nothing kept on disk), stopped and started again
 * under the ingest API: what Redis held (the queued send jobs) is gone when it returns, so only
 * the invitation documents and the reconciler can deliver what was accepted.
 */
jest.setTimeout(120_000);

let h: Harness;
let port: number;
let redisServer: Service;
let producer: Redis;
let jobs: Jobs;
let app: Express;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  h = await startHarness();
  port = await freePort();
  redisServer = await startRedis({ port });
  producer = createRedis(redisServer.url, 'producer');
  // The fail-fast client reports each lost connection; the 503 is what this test asserts.
  producer.on('error', () => undefined);
  await redisReady(producer);
  jobs = createJobs(producer);
  bindJobs(jobs);
  app = createApp({ config: h.config, log: h.log, redis: producer });
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
  const mailer = createMailer(h.config.SMTP_URL);
  configureSurveySending({ redis: connection, mailsPerMinute: 100_000 });
  const workers = startJobWorkers({ connection, log: h.log, services: { mailer }, concurrency: 2, jobs: workerJobs() });
  closers.push(async () => {
    await workers.close();
    mailer.close();
    await connection.quit();
  });
}

describe('when Redis goes away under the ingest API', () => {
  it('answers 503 with Retry-After within a second, accepts again when Redis is back, and sends everything it answered 2xx', async () => {
    const d = await buildDistribution(h);
    const post = (email: string) =>
      request(app).post('/api/v1/interactions').set(d.auth).send({ touchpoint: d.touchpoint.key, contact: { email } });
    const accepted: string[] = [];

    // Before: accepted and queued in Redis, but no worker runs yet.
    for (let i = 0; i < 5; i++) {
      const email = uniqueEmail('before');
      await post(email).expect(200);
      accepted.push(email);
    }

    // Requests in flight while Redis stops: each is answered 200 (stored) or 503 (stored nothing).
    const storm = Array.from({ length: 20 }, () => uniqueEmail('storm'));
    const stopping = redisServer.stop();
    const answers = await Promise.all(storm.map((email) => post(email)));
    await stopping;
    const refused: string[] = [];
    answers.forEach((res, i) => {
      expect([200, 503]).toContain(res.status);
      (res.status === 200 ? accepted : refused).push(storm[i]!);
    });

    // Down: every call answers 503 at once, with Retry-After, and stores nothing.
    for (let i = 0; i < 3; i++) {
      const email = uniqueEmail('down');
      const started = Date.now();
      const res = await post(email).expect(503);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body.error.code).toBe('service_unavailable');
      refused.push(email);
    }

    // Back, empty (nothing was kept on disk): the same client accepts again.
    redisServer = await startRedis({ port });
    await redisReady(producer);
    for (let i = 0; i < 5; i++) {
      const email = uniqueEmail('after');
      await post(email).expect(200);
      accepted.push(email);
    }

    // The jobs queued before the outage died with Redis; the reconciler's next pass (a minute
    // on) finds their invitations still queued and sends them.
    startWorker();
    const { requeued } = await sweepInvitations(h.log, new Date(Date.now() + SWEEP_EVERY_MS + 1_000));
    expect(requeued).toBeGreaterThanOrEqual(5);
    for (const email of accepted) await waitForMail(email);
    await until(
      () =>
        SurveyInvitationModel.find({
          organisationId: d.owner.organisationId,
          to: mongoose.trusted({ $in: accepted }),
        }).lean(),
      (all) => all.length === accepted.length && all.every((inv) => inv.state === 'sent'),
      30_000,
    );
    const strays = await SurveyInvitationModel.countDocuments({
      organisationId: d.owner.organisationId,
      to: mongoose.trusted({ $in: refused }),
    });
    expect(strays).toBe(0);
    console.log(
      `Redis outage: ${accepted.length} answered 200 and all sent (${requeued} re-queued by the sweep), ` +
        `${refused.length} answered 503 and stored nothing`,
    );
  });
});
