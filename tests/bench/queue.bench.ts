import { randomUUID } from 'node:crypto';

import { Types } from 'mongoose';

import type { BenchCatcher } from './services';
import type { Logger } from '../../server/src/lib/logger';
import { createMailer } from '../../server/src/lib/mailer';
import { startJobWorkers, type Jobs } from '../../server/src/lib/jobs';
import { createRedis } from '../../server/src/lib/redis';
import { EmailModel } from '../../server/src/modules/mail/mail.model';
import { sendSystemEmail } from '../../server/src/modules/mail/mail.service';
import { workerJobs } from '../../server/src/registry';
import { publicCtx } from '../factories/context';
import { printNote, printRow, summarise } from './stats';

const EMAILS = 200;
const CONCURRENCY = 5;
const GIVE_UP_MS = 60_000;

/**
 * 4. The whole path an email takes: sendSystemEmail stores it and enqueues its id, a real worker claims
 * it, sends it through the pooled mailer and marks it sent. Latency is per email, from the
 * sendSystemEmail call to the worker's "completed" (by then the catcher holds it: SMTP answers 250
 * only after the catcher stored the message, and the job completes after the state moved to sent).
 */
export async function benchQueue(deps: { jobs: Jobs; redisUrl: string; log: Logger; catcher: BenchCatcher }) {
  const connection = createRedis(deps.redisUrl, 'worker');
  const mailer = createMailer(deps.catcher.smtpUrl);
  const workers = startJobWorkers({
    connection,
    log: deps.log,
    services: { mailer },
    concurrency: CONCURRENCY,
    jobs: workerJobs(),
  });
  const worker = workers.workers[0]!;
  try {
    await worker.waitUntilReady();
    const to = `bench-queue-${randomUUID().slice(0, 8)}@example.test`;
    const queuedAt = new Map<string, number>();
    const completedAt = new Map<string, number>();
    let done = 0;
    let failures = 0;

    // A job may complete before sendSystemEmail's promise hands its id back, so either side may
    // be the one to pair a queued email with its completion.
    let resolveAll: () => void;
    const allSent = new Promise<void>((resolve) => (resolveAll = resolve));
    const pair = () => ++done === EMAILS && resolveAll();
    worker.on('completed', (job) => {
      completedAt.set(job.data.emailId, performance.now());
      if (queuedAt.has(job.data.emailId)) pair();
    });
    worker.on('failed', () => failures++);

    const started = performance.now();
    for (let i = 0; i < EMAILS; i++) {
      const enqueueStarted = performance.now();
      const { emailId } = await sendSystemEmail(
        publicCtx(),
        { to, subject: `Bench queued email ${i}`, text: `Email ${i} of the queue benchmark.\n` },
        { kind: 'bench.queue' },
      );
      queuedAt.set(emailId, enqueueStarted);
      if (completedAt.has(emailId)) pair();
    }
    await within(GIVE_UP_MS, allSent, () => `only ${done}/${EMAILS} emails sent`);
    const elapsedMs = performance.now() - started;
    const samplesMs = [...queuedAt].map(([id, at]) => completedAt.get(id)! - at);

    const caught = await deps.catcher.count(to);
    const ids = [...queuedAt.keys()].map((id) => new Types.ObjectId(id));
    // The driver's collection: through the model, sanitizeFilter would turn $in into a literal match.
    const sent = await EmailModel.collection.countDocuments({ _id: { $in: ids }, state: 'sent' });
    if (caught !== EMAILS || sent !== EMAILS) throw new Error(`caught ${caught}, sent ${sent} of ${EMAILS}`);

    printRow(summarise(`sendSystemEmail → worker (c=${CONCURRENCY}) → catcher, ${EMAILS}`, samplesMs, elapsedMs));
    printNote(
      `${EMAILS} emails caught and marked sent in ${(elapsedMs / 1000).toFixed(2)} s: ` +
        `${((EMAILS / elapsedMs) * 1000).toFixed(0)} emails/s` +
        (failures ? ` (${failures} failed attempts were retried)` : ''),
    );
  } finally {
    await workers.close();
    mailer.close();
    await connection.quit();
  }
}

async function within<T>(ms: number, work: Promise<T>, explain: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${explain()} within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
