import type { Worker } from 'bullmq';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import mongoose from 'mongoose';

import { createApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { connectDb, syncIndexes } from '../../server/src/lib/db';
import { createLogger, type Logger } from '../../server/src/lib/logger';
import { createMailer } from '../../server/src/lib/mailer';
import { bindJobs, createJobs, type Jobs } from '../../server/src/lib/queue';
import { createRedis, redisReady } from '../../server/src/lib/redis';
import { startWorker } from '../../server/src/workers';

export interface Harness {
  config: Config;
  app: Express;
  log: Logger;
  redis: Redis;
  jobs: Jobs;
  /** A real BullMQ worker on this test file's queue, closed by close(). */
  startWorker(): Worker;
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
export async function startHarness(overrides: Partial<Record<keyof Config, string>> = {}): Promise<Harness> {
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
  const jobs = createJobs(redis);
  bindJobs(jobs);
  const app = createApp({ config, log, redis });

  const workers: Array<{ worker: Worker; connection: Redis; close(): void }> = [];
  return {
    config,
    app,
    log,
    redis,
    jobs,
    startWorker() {
      const connection = createRedis(config.REDIS_URL, 'worker');
      const mailer = createMailer(config.SMTP_URL);
      const worker = startWorker({ connection, log, mailer, concurrency: 2 });
      workers.push({ worker, connection, close: () => mailer.close() });
      return worker;
    },
    async close() {
      for (const w of workers) {
        await w.worker.close();
        w.close();
        await w.connection.quit();
      }
      await jobs.close();
      await redis.quit().catch(() => undefined);
      await mongoose.disconnect();
    },
  };
}
