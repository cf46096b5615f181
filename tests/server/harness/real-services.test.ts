import { once } from 'node:events';

import mongoose, { Schema } from 'mongoose';
import request from 'supertest';

import { syncIndexes } from '../../../server/src/lib/db';
import { createRedis, redisReady } from '../../../server/src/lib/redis';
import { queueEmail } from '../../../server/src/modules/mail/mail.service';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { createApp } from '../../../server/src/app';
import { freePort, startRedis } from '../../../scripts/lib/services';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

// A model that exists only to prove the database enforces unique indexes created by syncIndexes.
const Probe = mongoose.model('HarnessProbe', new Schema({ key: { type: String, unique: true } }));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await syncIndexes();
});
afterAll(() => h.close());

describe('the real services behind the tests', () => {
  it('rejects a duplicate key through a mongoose unique index, and keeps only one of 20 racing inserts', async () => {
    await Probe.create({ key: 'a' });
    await expect(Probe.create({ key: 'a' })).rejects.toMatchObject({ code: 11000 });

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => Probe.create({ key: 'race' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await Probe.countDocuments({ key: 'race' })).toBe(1);
  });

  it('runs a queued mail job through a real BullMQ worker and the mail arrives in the catcher', async () => {
    const to = `harness-${Date.now()}@example.test`;
    const { emailId } = await queueEmail({
      from: 'Pulse <pulse@example.test>',
      to,
      subject: 'Harness check',
      text: 'It works.',
    });
    const waiting = await h.jobs.queues.transactional.getJob(`mail.send-${emailId}`);
    expect(waiting?.data).toEqual({ emailId });

    const worker = h.startWorker();
    const completed = once(worker, 'completed');
    const [mail] = await waitForMail(to);
    expect(mail).toMatchObject({ subject: 'Harness check', to: [to] });
    expect(mail!.text.trim()).toBe('It works.');

    await completed;
    expect(await EmailModel.findById(emailId).lean()).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('answers /readyz with 503 while Redis is down and 200 once it is back', async () => {
    const port = await freePort();
    let redisServer = await startRedis({ port });
    const redis = createRedis(redisServer.url, 'producer');
    await redisReady(redis);
    const app = createApp({ ...h, redis });
    try {
      await request(app)
        .get('/readyz')
        .expect(200, { status: 'ready', checks: { mongodb: 'up', redis: 'up' } });

      await redisServer.stop();
      await request(app)
        .get('/readyz')
        .expect(503, { status: 'unavailable', checks: { mongodb: 'up', redis: 'down' } });

      redisServer = await startRedis({ port });
      await redisReady(redis);
      await request(app).get('/readyz').expect(200);
    } finally {
      redis.disconnect();
      await redisServer.stop();
    }
  });
});
