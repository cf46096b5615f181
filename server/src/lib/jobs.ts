import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions, type RepeatOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';

import type { Logger } from './logger';
import type { Mailer } from './mailer';
import { jobsProcessed } from './metrics';

/**
 * Separate queues, so bulk work never delays what a person is waiting for: a password-reset mail
 * must leave within seconds while 50,000 survey invitations wait their turn. Webhook deliveries
 * have their own too: they mostly wait on other people's servers, so they run many at a time,
 * and a campaign never delays a receiver's events (nor a slow receiver the campaign). Each has
 * its own workers in the worker process.
 */
export const QUEUES = { transactional: 'pulse-transactional', bulk: 'pulse-bulk', webhooks: 'pulse-webhooks' } as const;
export type QueueKind = keyof typeof QUEUES;

/** Jobs that wait on the network more than they compute run this many times the concurrency. */
const CONCURRENCY_FACTOR: Record<QueueKind, number> = { transactional: 1, bulk: 1, webhooks: 4 };

/** Retry, backoff and retention for every job, in one place; a job definition may refine them. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** What a job handler may use besides the database. */
export interface JobServices {
  mailer: Mailer;
}

export interface JobContext {
  log: Logger;
  job: Job;
  services: JobServices;
}

/**
 * One kind of job, in a file of its own (`<name>.job.ts`): a dotted name, a payload of ids only
 * (no personal data in Redis), an idempotent `run` that reloads by id and returns early when the
 * work is already done, and what happens after the last attempt (the owning document records
 * that it failed, with the error). A payload that fails its schema is never retried.
 */
export interface JobDef<P = unknown> {
  name: `${string}.${string}`;
  queue: QueueKind;
  payload: z.ZodType<P>;
  options?: JobsOptions;
  run(payload: P, ctx: JobContext): Promise<void>;
  onFinalFailure?(payload: P, error: Error, ctx: JobContext): Promise<void>;
}

export const defineJob = <P>(def: JobDef<P>): JobDef<P> => def;

/** What a producer needs to know of a job: enough to queue it, not how it runs. */
export type JobRef<P> = Pick<JobDef<P>, 'name' | 'queue' | 'payload' | 'options'>;

// Definitions are contravariant in P; a registry holds them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDef = JobDef<any>;

export interface EnqueueOptions {
  delayMs?: number;
  /** Same id, same job: BullMQ keeps one while the first is still known. */
  jobId?: string;
}

export type Jobs = ReturnType<typeof createJobs>;

/**
 * The producer side. Payloads are checked before they reach Redis; `overrides` (tests only)
 * replace the retry policy, e.g. two quick attempts instead of eight over four minutes.
 */
export function createJobs(connection: Redis, opts: { log?: Logger; overrides?: JobsOptions } = {}) {
  const queues = {
    transactional: new Queue(QUEUES.transactional, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    bulk: new Queue(QUEUES.bulk, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    webhooks: new Queue(QUEUES.webhooks, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  };
  for (const [kind, queue] of Object.entries(queues)) {
    queue.on('error', (err) => opts.log?.error({ err, queue: kind }, 'queue error'));
  }
  const optionsOf = (def: JobRef<unknown>, extra: JobsOptions) => ({ ...def.options, ...opts.overrides, ...extra });
  return {
    queues,
    /** The connection the queues use: for the few modules that need a Redis primitive (a lock). */
    redis: connection,
    async enqueue<P>(def: JobRef<P>, payload: P, extra: EnqueueOptions = {}) {
      const data = def.payload.parse(payload);
      return queues[def.queue].add(def.name, data, optionsOf(def, { delay: extra.delayMs, jobId: extra.jobId }));
    },
    /** Many jobs of one kind in one round trip (a campaign's invitations). */
    async enqueueMany<P>(
      def: JobRef<P>,
      items: Array<{ payload: P; jobId?: string; delayMs?: number }>,
      extra: JobsOptions = {},
    ) {
      if (!items.length) return [];
      return queues[def.queue].addBulk(
        items.map((item) => ({
          name: def.name,
          data: def.payload.parse(item.payload),
          opts: optionsOf(def, { ...extra, jobId: item.jobId, delay: item.delayMs }),
        })),
      );
    },
    /**
     * Repeatable work (sweepers, reminders, digests) through BullMQ's job schedulers: upserting
     * by id means every worker process may declare it at start and there is still one schedule.
     */
    async schedule<P>(def: JobRef<P>, schedulerId: string, repeat: Omit<RepeatOptions, 'key'>, payload: P) {
      return queues[def.queue].upsertJobScheduler(schedulerId, repeat, {
        name: def.name,
        data: def.payload.parse(payload),
        opts: optionsOf(def, {}),
      });
    },
    close: async () => {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}

let bound: Jobs | undefined;

/** The producer services enqueue through; bound once at boot (API, worker, test harness). */
export function bindJobs(jobs: Jobs): void {
  bound = jobs;
}

export function boundJobs(): Jobs {
  if (!bound) throw new Error('no job producer is bound: call bindJobs() at boot');
  return bound;
}

export interface JobWorkersDeps {
  connection: Redis;
  log: Logger;
  services: JobServices;
  concurrency: number;
  /** Every job the product has, collected from the modules (see server/src/registry.ts). */
  jobs: AnyJobDef[];
}

/** One BullMQ worker per queue, dispatching on the job's name. */
export function startJobWorkers(deps: JobWorkersDeps) {
  const byName = new Map(deps.jobs.map((def) => [def.name, def]));
  if (byName.size !== deps.jobs.length) throw new Error('two jobs share a name');

  const processor = async (job: Job) => {
    const def = byName.get(job.name as AnyJobDef['name']);
    if (!def) throw new UnrecoverableError(`no job is named ${job.name}`);
    const log = deps.log.child({ job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
    const parsed = def.payload.safeParse(job.data);
    // A payload that does not fit will not fit on the next attempt either.
    if (!parsed.success) throw new UnrecoverableError(`bad payload: ${z.prettifyError(parsed.error)}`);
    const ctx: JobContext = { log, job, services: deps.services };
    try {
      await def.run(parsed.data, ctx);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const last = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last && def.onFinalFailure) {
        await def.onFinalFailure(parsed.data, error, ctx).catch((e: unknown) => {
          log.error({ err: e }, 'onFinalFailure failed');
        });
      }
      throw error;
    }
  };

  const workers = (Object.keys(QUEUES) as QueueKind[]).map((kind) => {
    const worker = new Worker(QUEUES[kind], processor, {
      connection: deps.connection,
      concurrency: deps.concurrency * CONCURRENCY_FACTOR[kind],
    });
    worker.on('completed', (job) => jobsProcessed.inc({ name: job.name, outcome: 'completed' }));
    worker.on('failed', (job, err) => {
      jobsProcessed.inc({ name: job?.name ?? 'unknown', outcome: 'failed' });
      deps.log.warn({ err, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed');
    });
    // Without a listener an 'error' (a lost Redis connection) would crash the process.
    worker.on('error', (err) => deps.log.error({ err, queue: kind }, 'worker error'));
    return worker;
  });

  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
