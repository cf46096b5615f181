import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';

import type { Logger } from './lib/logger';
import type { Mailer } from './lib/mailer';
import { jobsProcessed } from './lib/metrics';
import { QUEUE_NAME, type JobHandler } from './lib/queue';
import { sendReminderHandler } from './modules/invitations/remind-invitation.job';
import { sendInvitationHandler } from './modules/invitations/send-invitation.job';
import { sweepInvitationsHandler } from './modules/invitations/sweep-invitations.job';
import { sendEmailHandler } from './modules/mail/mail.jobs';

export interface WorkerDeps {
  connection: Redis;
  log: Logger;
  mailer: Mailer;
  concurrency: number;
  /** Survey emails per organisation per minute. */
  surveyMailsPerMinute?: number;
}

/** Every job handler the product has, by name; the worker dispatches on the job's name. */
function handlers(deps: WorkerDeps): Map<string, JobHandler<unknown>> {
  const list = [
    sendEmailHandler(deps.mailer),
    sendInvitationHandler({
      mailer: deps.mailer,
      connection: deps.connection,
      ratePerMinute: deps.surveyMailsPerMinute ?? 600,
    }),
    sendReminderHandler({ mailer: deps.mailer }),
    sweepInvitationsHandler(),
  ] as JobHandler<unknown>[];
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
