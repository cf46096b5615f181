import mongoose from 'mongoose';
import request from 'supertest';

import { startMailCatcher, type MailCatcher } from '../../../server/src/dev/mail-catcher';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { buildDistribution } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';
import { killSpawned, spawnEntry, type Spawned } from '../../setup/processes';
import { until } from '../../setup/until';

/**
 * 1,000 survey invitations through the real pipeline (ingest API → BullMQ → the worker entry
 * server/src/worker.ts in its own process → SMTP → the mail catcher) while the worker is killed
 * and restarted again and again. Every mail is counted by the invitation its unsubscribe link
 * names. A SIGKILLed worker's jobs come back once BullMQ sees them stalled (lock 30 s, check
 * every 30 s), so that run waits about a minute for the last of them.
 */
// A worker boots in ~5 s on an idle machine and in minutes at load 30: CRASH_TIMEOUT_MS stretches this.
jest.setTimeout(Number(process.env.CRASH_TIMEOUT_MS ?? 300_000));

const INVITATIONS = Number(process.env.CRASH_N ?? 1_000);
const CONCURRENCY = 5;
const KILLS = Number(process.env.CRASH_KILLS ?? 5);
/** Mails the catcher takes between two kills, so each kill lands mid-campaign. */
const MAILS_BETWEEN_KILLS = Number(process.env.CRASH_STEP ?? 100);

const t0 = Date.now();
/** Why a run failed (queue counts, worker output); with CRASH_TRACE=1 its progress as well. */
const report = (what: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}\n`);
const trace = (what: string) => process.env.CRASH_TRACE && report(what);

let h: Harness;
let catcher: MailCatcher;
const running = new Set<Spawned>();
beforeAll(async () => {
  h = await startHarness();
  catcher = await startMailCatcher({ keep: 20_000 });
});
afterAll(async () => {
  for (const p of running) killSpawned(p);
  await catcher?.close();
  await h?.close();
});

function startWorker(): Spawned {
  const worker = spawnEntry(
    'server/src/worker.ts',
    {
      SMTP_URL: catcher.smtpUrl,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      SURVEY_MAILS_PER_MINUTE: '1000000',
    },
    'Pulse worker started',
  );
  running.add(worker);
  void worker.exited.then(() => running.delete(worker));
  return worker;
}

/** Copies caught per invitation of this organisation, read from the unsubscribe link each mail carries. */
function mailsPerInvitation(ids: Set<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of catcher.messages()) {
    const id = /\/u\/inv_([a-f0-9]{24})_/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1];
    if (id && ids.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function campaign(label: string) {
  // A case that failed leaves its unsent campaign queued, ahead of this one's: the next workers
  // would spend minutes on those mails first, which this case does not count.
  await h.jobs.queues.bulk.drain(true);
  const d = await buildDistribution(h);
  const started = Date.now();
  const res = await request(h.app)
    .post('/api/v1/interactions')
    .set(d.auth)
    .send({
      interactions: Array.from({ length: INVITATIONS }, (_, i) => ({
        touchpoint: d.touchpoint.key,
        contact: { email: `${label}-${i}@example.test` },
      })),
    })
    .expect(200);
  const ids = new Set<string>(res.body.decisions.map((x: { invitationId: string }) => x.invitationId));
  expect(ids.size).toBe(INVITATIONS);
  trace(`ingest ${Date.now() - started} ms`);
  return { organisationId: d.owner.organisationId, ids, ingestMs: Date.now() - started };
}

/**
 * Ends a worker with `signal` each time it has sent another share of the campaign, `KILLS` times;
 * its successor was started while it still sent (as in a rolling restart) and takes over.
 * Returns the last worker, alive, with the exit codes of the ended ones.
 */
async function killRepeatedly(ids: Set<string>, signal: NodeJS.Signals) {
  const exits: Array<number | null> = [];
  const caught = async () => [...mailsPerInvitation(ids).values()].reduce((a, b) => a + b, 0);
  let current = startWorker();
  await current.started;
  for (let k = 0; k < KILLS; k++) {
    const next = startWorker();
    const from = await caught();
    await until(caught, (n) => n >= from + MAILS_BETWEEN_KILLS || n >= ids.size, 120_000).catch(async (err) => {
      report(`at ${await caught()} mails; jobs ${JSON.stringify(await h.jobs.queues.bulk.getJobCounts())}`);
      report(current.output().slice(-3000));
      throw err;
    });
    trace(`${signal} at ${await caught()} mails`);
    current.child.kill(signal);
    exits.push(await current.exited);
    if (exits.at(-1) !== (signal === 'SIGKILL' ? null : 0))
      report(`exited ${exits.at(-1)}:\n${current.output().slice(-2000)}`);
    current = next;
    await current.started;
  }
  return { exits, last: current };
}

/** Lets the last worker finish; resolves when every invitation says sent and was caught. */
async function finish(worker: Spawned, organisationId: string, ids: Set<string>, timeoutMs: number) {
  try {
    await until(
      () => SurveyInvitationModel.countDocuments({ organisationId, state: 'sent' }),
      (sent) => sent === ids.size,
      timeoutMs,
    ).catch(async (err) => {
      const states = await SurveyInvitationModel.aggregate([
        { $match: { organisationId: new mongoose.Types.ObjectId(organisationId) } },
        { $group: { _id: '$state', n: { $sum: 1 } } },
      ]);
      report(`stuck: ${JSON.stringify(states)} jobs ${JSON.stringify(await h.jobs.queues.bulk.getJobCounts())}`);
      report(worker.output().slice(-3000));
      throw err;
    });
    return await until(
      async () => mailsPerInvitation(ids),
      (m) => m.size === ids.size,
    );
  } finally {
    worker.child.kill('SIGTERM');
    await worker.exited;
  }
}

const duplicatesOf = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n - 1, 0);

describe('exactly once per invitation while the worker process dies', () => {
  it(`when the worker gets SIGTERM ${KILLS} times mid-campaign, then each of ${INVITATIONS} invitations is mailed exactly once`, async () => {
    const { organisationId, ids, ingestMs } = await campaign('drained');
    const { exits, last } = await killRepeatedly(ids, 'SIGTERM');
    // Each worker drained its jobs in hand and exited 0: no job was cut short.
    expect(exits).toEqual(Array(KILLS).fill(0));
    const counts = await finish(last, organisationId, ids, 120_000);
    expect(counts.size).toBe(INVITATIONS);
    expect(duplicatesOf(counts)).toBe(0);
    console.log(`SIGTERM ×${KILLS}: ${INVITATIONS} invitations (ingest ${ingestMs} ms), 0 duplicates`);
  });

  it(`when the worker is SIGKILLed ${KILLS} times mid-campaign, then none of ${INVITATIONS} invitations is lost and duplicates stay within the jobs in flight`, async () => {
    const { organisationId, ids, ingestMs } = await campaign('killed');
    const { exits, last } = await killRepeatedly(ids, 'SIGKILL');
    expect(exits).toEqual(Array(KILLS).fill(null));
    // Killed jobs come back when BullMQ declares them stalled: up to two 30 s checks later.
    const counts = await finish(last, organisationId, ids, 180_000);
    expect(counts.size).toBe(INVITATIONS);
    const duplicates = duplicatesOf(counts);
    // A duplicate is a mail the SMTP server accepted before the killed worker recorded `sent`:
    // at most the jobs each killed worker had in hand.
    expect(duplicates).toBeLessThanOrEqual(KILLS * CONCURRENCY);
    const retried = await SurveyInvitationModel.countDocuments({
      organisationId,
      attempts: mongoose.trusted({ $gt: 1 }),
    });
    console.log(
      `SIGKILL ×${KILLS}: ${INVITATIONS} invitations (ingest ${ingestMs} ms), all delivered; ` +
        `${duplicates} duplicate mail(s), ${retried} invitation(s) claimed more than once`,
    );
  });
});
