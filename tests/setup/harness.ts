import type { Job, JobsOptions, Worker } from 'bullmq';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import mongoose from 'mongoose';

import { createApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { connectDb, syncIndexes } from '../../server/src/lib/db';
import { createLogger, type Logger } from '../../server/src/lib/logger';
import { createMailer } from '../../server/src/lib/mailer';
import { bindJobs, createJobs, startJobWorkers, type Jobs } from '../../server/src/lib/jobs';
import { createRedis, redisReady } from '../../server/src/lib/redis';
import { bindLivePublisher } from '../../server/src/modules/analytics/analytics.live';
import { configureSurveySending } from '../../server/src/modules/invitations/send-invitation.job';
import { workerJobs, type WorkerModule, WORKER_MODULES } from '../../server/src/registry';
import { DomainEventModel } from '../../server/src/lib/events/event.model';
import { jobFinished } from './jobs';

export interface Harness {
  config: Config;
  app: Express;
  log: Logger;
  redis: Redis;
  jobs: Jobs;
  /**
   * Real BullMQ workers (one per queue) on this test file's Redis database, closed by close().
   * `smtpUrl` points the mailer elsewhere (a closed port to see sending fail); `modules` adds
   * test-only jobs and subscribers to the product's own.
   */
  startWorker(opts?: { smtpUrl?: string; modules?: WorkerModule[]; surveyMailsPerMinute?: number }): Worker;
  /**
   * Waits until every stored domain event has been dispatched to all its subscribers (starting a
   * worker if the test has none), so a test can read the audit log right after a request.
   */
  eventsSettled(): Promise<void>;
  /** Resolves when `job` completes on one of this harness's workers; rejects once it failed for good. */
  jobFinished(job: Job): Promise<void>;
  close(): Promise<void>;
}

/** The harness serves /metrics with this token, as Prometheus would be configured. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

const workerId = Number(process.env.JEST_WORKER_ID ?? 1);

/** One database per jest worker: the same server, a database name of its own. */
export function workerMongoUri(base = process.env.MONGODB_URI!): string {
  return base.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?[^?]*/, `$1/pulse_test_${workerId}`);
}

/** One Redis logical database per jest worker, so queues and rate limits never cross. */
export function workerRedisUrl(base = process.env.REDIS_URL!): string {
  const url = new URL(base);
  url.pathname = `/${workerId % 16}`;
  return url.toString();
}

/**
 * Boots the real app for one test file against clean state: the worker's database is dropped
 * and its Redis database flushed first, so files never see each other's data.
 */
export async function startHarness(
  overrides: Partial<Record<keyof Config, string>> = {},
  opts: { jobOptions?: JobsOptions } = {},
): Promise<Harness> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGODB_URI: workerMongoUri(),
    REDIS_URL: workerRedisUrl(),
    // Tests sign up and log in far more often than people; rate-limit tests set their own limits.
    RATE_LIMIT_LOGIN: '10000',
    RATE_LIMIT_SIGNUP: '10000',
    RATE_LIMIT_PASSWORD_RESET: '10000',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...overrides,
  });
  const log = createLogger(config, 'test');
  await connectDb(config.MONGODB_URI);
  await mongoose.connection.dropDatabase();
  await syncIndexes();

  const redis = createRedis(config.REDIS_URL, 'producer');
  await redisReady(redis);
  await redis.flushdb();
  const jobs = createJobs(redis, { log, overrides: opts.jobOptions });
  bindJobs(jobs);
  // Rollup subscribers announce changes to open dashboards, here as in the worker.
  bindLivePublisher(redis);
  const app = createApp({ config, log, redis });

  const workers: Array<{ close(): Promise<void>; connection: Redis; mailer: { close(): void }; all: Worker[] }> = [];
  const harness: Harness = {
    config,
    app,
    log,
    redis,
    jobs,
    startWorker(workerOpts = {}) {
      const connection = createRedis(config.REDIS_URL, 'worker');
      const mailer = createMailer(workerOpts.smtpUrl ?? config.SMTP_URL);
      const modules = [...WORKER_MODULES, ...(workerOpts.modules ?? [])];
      configureSurveySending({ redis: connection, mailsPerMinute: workerOpts.surveyMailsPerMinute ?? 100_000 });
      const started = startJobWorkers({
        connection,
        log,
        services: { mailer },
        concurrency: 2,
        jobs: workerJobs(modules),
      });
      workers.push({ close: started.close, connection, mailer, all: started.workers });
      return started.workers[0]!;
    },
    async eventsSettled() {
      if (workers.length === 0) harness.startWorker();
      for (;;) {
        const pending = await DomainEventModel.find({ settled: false }).setOptions({ crossTenant: true }).lean();
        if (pending.length === 0) return;
        for (const event of pending) {
          const job = await jobs.queues.transactional.getJob(`event-${String(event._id)}`);
          if (!job) throw new Error(`event ${String(event._id)} (${event.type}) has no dispatch job`);
          await harness.jobFinished(job);
        }
      }
    },
    jobFinished: (job) => {
      const queue = Object.values(jobs.queues).find((q) => q.name === job.queueName)!;
      return jobFinished(
        queue,
        workers.flatMap((w) => w.all),
        job,
      );
    },
    async close() {
      for (const w of workers) {
        await w.close();
        w.mailer.close();
        await w.connection.quit();
      }
      await jobs.close();
      await redis.quit().catch(() => undefined);
      await mongoose.disconnect();
    },
  };
  return harness;
}
