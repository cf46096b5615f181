import { z } from 'zod';

import type { BenchCatcher } from './services';
import { defineJob, startJobWorkers, type Jobs } from '../../server/src/lib/jobs';
import type { Logger } from '../../server/src/lib/logger';
import { createMailer } from '../../server/src/lib/mailer';
import { createRedis } from '../../server/src/lib/redis';
import { EmailModel } from '../../server/src/modules/mail/mail.model';
import { WORKER_MODULES, workerJobs } from '../../server/src/registry';
import { signUp } from './http.bench';
import { printNote, printRow, summarise } from './stats';

const BULK = 5_000;
const RESETS = 20;
/** The worker's default WORKER_CONCURRENCY, per queue. */
const CONCURRENCY = 5;
// Draining the 5,000 bulk mails took 61 s at load 18 on 2 cores, and over 120 s at load 44.
const GIVE_UP_MS = 600_000;

/**
 * A stand-in for a campaign's survey invitations: each sends one real mail through the pooled
 * mailer to the catcher, as invitation.send does once it has composed it. It lives on the bulk
 * queue, where survey mail lives.
 */
const BulkMail = defineJob({
  name: 'bench.bulk-mail',
  queue: 'bulk',
  payload: z.object({ n: z.number().int() }),
  async run({ n }, { services }) {
    await services.mailer.send({
      from: 'Pulse <pulse@localhost>',
      to: `bench-bulk-${n % 50}@example.test`,
      subject: `Survey invitation ${n}`,
      text: `How likely are you to recommend us? (${n})\n`.repeat(10),
    });
  },
});

/**
 * 8. What a person waiting for a password-reset mail feels while a campaign is queued: the time
 * from `POST /api/v1/auth/password-reset/request` to the mail in the catcher, with 5,000 bulk
 * jobs queued ahead of it and real workers (c=5 per queue, as production) draining them. Then the
 * counterfactual: the same mail job put on the bulk queue behind a fresh 5,000, i.e. one queue.
 */
export async function benchPriority(deps: {
  baseUrl: string;
  jobs: Jobs;
  redisUrl: string;
  log: Logger;
  catcher: BenchCatcher;
}) {
  const users = [];
  for (let i = 0; i < RESETS + 1; i++) users.push(await signUp(deps.baseUrl));
  const connection = createRedis(deps.redisUrl, 'worker');
  const mailer = createMailer(deps.catcher.smtpUrl);
  const workers = startJobWorkers({
    connection,
    log: deps.log,
    services: { mailer },
    concurrency: CONCURRENCY,
    jobs: workerJobs([...WORKER_MODULES, { name: 'bench', jobs: [BulkMail] }]),
  });
  const bulk = deps.jobs.queues.bulk;
  const fill = () =>
    deps.jobs.enqueueMany(
      BulkMail,
      Array.from({ length: BULK }, (_, n) => ({ payload: { n } })),
    );
  try {
    await Promise.all(workers.workers.map((w) => w.waitUntilReady()));

    // Idle first, for the baseline, after two uncounted resets (the mailer's pool connects, code warms).
    for (const user of users.slice(0, 2)) await resetDelay(deps, user.email);
    const idle = [];
    for (const user of users.slice(0, 5)) idle.push(await resetDelay(deps, user.email));
    printRow(summarise('reset mail, nothing queued', idle, sum(idle)));

    await fill();
    const backlogs: number[] = [];
    const loaded: number[] = [];
    const began = performance.now();
    for (const user of users.slice(0, RESETS)) {
      backlogs.push(await bulk.getWaitingCount());
      loaded.push(await resetDelay(deps, user.email));
    }
    printRow(summarise(`reset mail, ${BULK} bulk jobs queued`, loaded, performance.now() - began));
    printNote(
      `bulk backlog (waiting) at each reset: first ${backlogs[0]}, last ${backlogs.at(-1)}, ` +
        `min ${Math.min(...backlogs)} of ${BULK} enqueued`,
    );
    await until(async () => (await bulk.getWaitingCount()) + (await bulk.getActiveCount()) === 0, GIVE_UP_MS);
    printNote(`the ${BULK} bulk mails drained in ${((performance.now() - began) / 1000).toFixed(1)} s`);

    // One queue instead of two: the same mail.send job, behind a fresh backlog on the bulk queue.
    await fill();
    const behind = await bulk.getWaitingCount();
    const last = users.at(-1)!;
    const started = performance.now();
    const email = await EmailModel.create({
      kind: 'auth.reset-password',
      to: last.email,
      from: 'Pulse <pulse@localhost>',
      subject: 'Reset',
      text: 'Reset.',
    });
    await bulk.add('mail.send', { emailId: String(email._id) });
    await until(async () => (await deps.catcher.count(last.email)) > 0, GIVE_UP_MS);
    printNote(
      `counterfactual, one shared queue: the same mail behind ${behind} bulk jobs left after ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await until(async () => (await bulk.getWaitingCount()) + (await bulk.getActiveCount()) === 0, GIVE_UP_MS);
  } finally {
    await workers.close();
    mailer.close();
    await connection.quit();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function resetDelay(deps: { baseUrl: string; catcher: BenchCatcher }, email: string): Promise<number> {
  const before = await deps.catcher.count(email);
  const started = performance.now();
  const res = await fetch(`${deps.baseUrl}/api/v1/auth/password-reset/request`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`password-reset request answered ${res.status}: ${await res.text()}`);
  await until(async () => (await deps.catcher.count(email)) > before, GIVE_UP_MS);
  return performance.now() - started;
}

/** Polls a check (the catcher's count, a queue count) every 5 ms. */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
