import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';

import type { Logger } from './lib/logger';
import type { Mailer } from './lib/mailer';
import { jobsProcessed } from './lib/metrics';
import { QUEUE_NAME, type JobHandler } from './lib/queue';
import { processCommentHandler, rebuildCountersHandler } from './modules/insights/insights.jobs';
import { sendEmailHandler } from './modules/mail/mail.jobs';

export interface WorkerDeps {
  connection: Redis;
  log: Logger;
  mailer: Mailer;
  concurrency: number;
}

/** Every job handler the product has, by name; the worker dispatches on the job's name. */
function handlers(deps: WorkerDeps): Map<string, JobHandler<unknown>> {
  const list = [sendEmailHandler(deps.mailer), processCommentHandler, rebuildCountersHandler] as JobHandler<unknown>[];
  return new Map(list.map((h) => [h.type.name, h]));
}

export function startWorker(deps: WorkerDeps): Worker {
  const byName = handlers(deps);
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const handler = byName.get(job.name);
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      const log = deps.log.child({ job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
      await handler.handle(handler.type.payload.parse(job.data), { log, job });
    },
    { connection: deps.connection, concurrency: deps.concurrency },
  );
  worker.on('completed', (job) => jobsProcessed.inc({ name: job.name, outcome: 'completed' }));
  worker.on('failed', (job, err) => {
    jobsProcessed.inc({ name: job?.name ?? 'unknown', outcome: 'failed' });
    deps.log.warn({ err, job: job?.name, jobId: job?.id }, 'job failed');
  });
  return worker;
}
