import { Queue, type DefaultJobOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';

import type { Logger } from './logger';

/** One queue for the whole product: jobs are told apart by their dotted name. */
export const QUEUE_NAME = 'pulse';

/** Retry, backoff and retention for every job, in one place. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface JobContext {
  log: Logger;
  job: Job;
}

/** A kind of job: a dotted name and a payload of ids only (no personal data in Redis). */
export interface JobType<P> {
  name: `${string}.${string}`;
  payload: z.ZodType<P>;
}

export const jobType = <P>(name: JobType<P>['name'], payload: z.ZodType<P>): JobType<P> => ({ name, payload });

/** Reloads by id and returns early when the work is already done, so a retry is harmless. */
export interface JobHandler<P> {
  type: JobType<P>;
  handle(payload: P, ctx: JobContext): Promise<void>;
}

export const jobHandler = <P>(type: JobType<P>, handle: JobHandler<P>['handle']): JobHandler<P> => ({ type, handle });

export type Jobs = ReturnType<typeof createJobs>;

let bound: Jobs | undefined;

/** The producer services enqueue through; bound once at boot (API, worker, test harness). */
export function bindJobs(jobs: Jobs): void {
  bound = jobs;
}

export function boundJobs(): Jobs {
  if (!bound) throw new Error('no job producer is bound: call bindJobs() at boot');
  return bound;
}

/** The producer side: enqueue a defined job with a payload checked against its schema. */
export function createJobs(connection: Redis) {
  const queue = new Queue(QUEUE_NAME, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  return {
    queue,
    async enqueue<P>(type: JobType<P>, payload: P, opts?: { delayMs?: number; jobId?: string }) {
      const data = type.payload.parse(payload);
      return queue.add(type.name, data, { delay: opts?.delayMs, jobId: opts?.jobId });
    },
    close: () => queue.close(),
  };
}
