import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';

import { defineJob } from '../../../server/src/lib/jobs';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** A test-only job that fails its first `failures` attempts, and records when it gives up. */
const runs: string[] = [];
const finalFailures: string[] = [];
const Flaky = defineJob({
  name: 'test.flaky',
  queue: 'bulk',
  payload: z.object({ key: z.string(), failures: z.number().int() }),
  options: { attempts: 3, backoff: { type: 'fixed', delay: 10 } },
  async run({ key, failures }) {
    runs.push(key);
    if (runs.filter((k) => k === key).length <= failures) throw new Error(`attempt failed for ${key}`);
  },
  async onFinalFailure({ key }, error) {
    finalFailures.push(`${key}: ${error.message}`);
  },
});

const Refuses = defineJob({
  name: 'test.refuses',
  queue: 'bulk',
  payload: z.object({}),
  async run() {
    throw new UnrecoverableError('will never work');
  },
});

beforeAll(() => h.startWorker({ modules: [{ name: 'test', jobs: [Flaky, Refuses] }] }));

describe('jobs that fail well', () => {
  it('when a payload fails its schema, then the job fails once (not eight times) as unrecoverable', async () => {
    // Straight onto the queue: enqueue() itself would refuse the payload before it reached Redis.
    const job = await h.jobs.queues.transactional.add('mail.send', { emailId: 'not-an-id' });
    expect(job.opts.attempts).toBe(8);
    await expect(h.jobFinished(job)).rejects.toThrow(/bad payload/);
    const failed = (await h.jobs.queues.transactional.getJob(job.id!))!;
    expect({ state: await failed.getState(), attemptsMade: failed.attemptsMade }).toEqual({
      state: 'failed',
      attemptsMade: 1,
    });
  });

  it('when enqueue() is given a bad payload, then it throws and nothing reaches Redis', async () => {
    const before = await h.jobs.queues.transactional.count();
    await expect(h.jobs.enqueue(Flaky, { key: 1 } as never)).rejects.toThrow(z.ZodError);
    expect(await h.jobs.queues.transactional.count()).toBe(before);
  });

  it('when an attempt throws, then it is retried, and onFinalFailure runs only after the last attempt', async () => {
    const recovers = await h.jobs.enqueue(Flaky, { key: 'recovers', failures: 2 });
    await h.jobFinished(recovers);
    expect(runs.filter((k) => k === 'recovers')).toHaveLength(3);

    const never = await h.jobs.enqueue(Flaky, { key: 'never', failures: 99 });
    await expect(h.jobFinished(never)).rejects.toThrow('attempt failed for never');
    expect(runs.filter((k) => k === 'never')).toHaveLength(3);
    expect(finalFailures).toEqual(['never: attempt failed for never']);
  });

  it('when a job throws UnrecoverableError, then it is not retried and onFinalFailure runs at once', async () => {
    const job = await h.jobs.enqueue(Refuses, {});
    await expect(h.jobFinished(job)).rejects.toThrow('will never work');
    expect((await h.jobs.queues.bulk.getJob(job.id!))!.attemptsMade).toBe(1);
  });

  it('schedules repeatable work once however many processes declare it', async () => {
    const every = { every: 60_000 };
    await h.jobs.schedule(Flaky, 'test.sweep', every, { key: 'scheduled', failures: 0 });
    await h.jobs.schedule(Flaky, 'test.sweep', every, { key: 'scheduled', failures: 0 });
    const schedulers = await h.jobs.queues.bulk.getJobSchedulers();
    expect(schedulers.filter((s) => s.key === 'test.sweep')).toHaveLength(1);
    expect(schedulers.find((s) => s.key === 'test.sweep')).toMatchObject({ name: 'test.flaky', every: 60_000 });
    await h.jobs.queues.bulk.removeJobScheduler('test.sweep');
  });
});
