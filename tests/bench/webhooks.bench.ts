import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';

import type { Config } from '../../server/src/config';
import { systemContext } from '../../server/src/lib/context';
import { DomainEventModel } from '../../server/src/lib/events/event.model';
import { boundJobs } from '../../server/src/lib/jobs';
import type { Logger } from '../../server/src/lib/logger';
import { configureWebhookAddresses } from '../../server/src/modules/webhooks/webhooks.address';
import { WebhookAttemptModel } from '../../server/src/modules/webhooks/webhook-attempt.model';
import { WebhookEndpointModel } from '../../server/src/modules/webhooks/webhook-endpoint.model';
import { endpointsChanged } from '../../server/src/modules/webhooks/webhooks.directory';
import { newWebhookSecret } from '../../server/src/modules/webhooks/webhooks.sign';
import { queueMessage } from '../../server/src/modules/webhooks/webhooks.service';
import { buildContact, buildTouchpoint } from '../factories/distribution';
import { buildOrganisation } from '../factories/db';
import { buildInvitation } from '../factories/responses';
import { buildSurvey } from '../factories/surveys';
import { startReceiver } from '../server/webhooks/receiver';
import { printNote, printRow, runBounded, summarise } from './stats';

// BENCH_WEBHOOK_COUNT / BENCH_WEBHOOK_DELIVERIES shorten the run on a loaded machine.
const COUNT = Number(process.env.BENCH_WEBHOOK_COUNT ?? 200);
const IN_FLIGHT = 4;
const THROUGHPUT_DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 1_000);

/**
 * Makes COUNT invitations, lets the worker settle what that caused, then submits their responses
 * over HTTP, metered (the setup is not); returns the HTTP figures, what each process spent, and
 * when each response was accepted.
 */
async function submitResponses(
  baseUrl: string,
  config: Config,
  organisationId: string,
  worker: { probe(): Promise<WorkerProbe> },
) {
  const survey = await buildSurvey({ org: organisationId });
  const touchpoint = await buildTouchpoint({ org: organisationId, rules: { surveyId: survey.id } });
  const contact = await buildContact({ org: organisationId });
  const invitations: Awaited<ReturnType<typeof buildInvitation>>[] = [];
  for (let i = 0; i < COUNT; i++)
    invitations.push(
      await buildInvitation({ org: organisationId, secretKey: config.SECRET_KEY, survey, touchpoint, contact }),
    );
  await untilQuiet();
  const m = await meter(worker);
  // An invitation's response has the invitation's id.
  const acceptedAt = new Map<string, number>();
  const run = await runBounded(COUNT, IN_FLIGHT, async (i) => {
    const res = await fetch(`${baseUrl}/r/${invitations[i]!.token}/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ score: i % 11 }),
    });
    if (res.status !== 200) throw new Error(`confirm answered ${res.status}: ${await res.text()}`);
    acceptedAt.set(invitations[i]!.id, performance.now());
  });
  return { run, acceptedAt, cost: await m.stop() };
}

async function untilArrived(arrivedAt: Map<string, number>, count: number) {
  const deadline = performance.now() + 120_000;
  while (arrivedAt.size < count) {
    if (performance.now() > deadline) throw new Error(`fast endpoint: ${arrivedAt.size} of ${count} arrived in 120 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface WorkerProbe {
  counts: Record<string, number>;
  cpuMs: number;
}

/** FerretDB's CPU time so far (it is the bench's child; every command costs it CPU too). */
function ferretCpuMs(): number {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses: state ppid … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid || !stat.includes('(ferretdb')) continue;
      return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
    } catch {
      continue;
    }
  }
  return 0;
}

/** Database commands of this process (the API) by name since the last reset. */
const apiCommands: Record<string, number> = {};
const countApiCommand = (e: CommandStartedEvent) => {
  apiCommands[e.commandName] = (apiCommands[e.commandName] ?? 0) + 1;
};

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const minus = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(a)
      .map(([k, v]) => [k, v - (b[k] ?? 0)])
      .filter(([, v]) => Number(v) > 0),
  );
const byName = (counts: Record<string, number>, per: number) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${(v / per).toFixed(2)}`)
    .join(', ');

interface Meter {
  /** What the API, the worker and FerretDB spent from `start` to `stop`: commands and CPU. */
  stop(): Promise<{ api: Record<string, number>; worker: Record<string, number>; cpuMs: Record<string, number> }>;
}

async function meter(worker: { probe(): Promise<WorkerProbe> }): Promise<Meter> {
  const client = mongoose.connection.getClient();
  const api0 = { ...apiCommands };
  const w0 = await worker.probe();
  const cpu0 = process.cpuUsage();
  const f0 = ferretCpuMs();
  client.on('commandStarted', countApiCommand);
  return {
    async stop() {
      client.off('commandStarted', countApiCommand);
      const cpu = process.cpuUsage(cpu0);
      const w1 = await worker.probe();
      return {
        api: minus(apiCommands, api0),
        worker: minus(w1.counts, w0.counts),
        cpuMs: {
          'API + load': (cpu.user + cpu.system) / 1000,
          worker: w1.cpuMs - w0.cpuMs,
          FerretDB: ferretCpuMs() - f0,
        },
      };
    },
  };
}

function printCosts(what: string, per: number, unit: string, m: Awaited<ReturnType<Meter['stop']>>) {
  const cpu = Object.entries(m.cpuMs)
    .map(([k, v]) => `${k} ${(v / per).toFixed(1)}`)
    .join(', ');
  printNote(
    `${what}: CPU-ms per ${unit}: ${cpu}; DB commands per ${unit}: API ${(total(m.api) / per).toFixed(2)} ` +
      `(${byName(m.api, per)}), worker ${(total(m.worker) / per).toFixed(2)} (${byName(m.worker, per)})`,
  );
}

/**
 * Both submission runs start from the same place: the worker has nothing waiting or running on
 * its event queue and every event is settled (the webhooks queue may still hold the hanging
 * receiver's retries from an earlier run: they belong to the figure being measured).
 */
async function untilQuiet() {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const c = await boundJobs().queues.transactional.getJobCounts('waiting', 'active');
    const unsettled = await DomainEventModel.countDocuments({ settled: false }).setOptions({ crossTenant: true });
    if (c.waiting + c.active === 0 && unsettled === 0) return;
    if (performance.now() > deadline) throw new Error('the worker did not settle the events in 120 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One measured run of submissions, from a quiet worker, with what it cost each process. */
async function measuredRun(
  label: string,
  baseUrl: string,
  config: Config,
  worker: { probe(): Promise<WorkerProbe> },
  org?: { _id: unknown },
) {
  const organisation = org ?? (await buildOrganisation());
  const { run, acceptedAt, cost } = await submitResponses(baseUrl, config, String(organisation._id), worker);
  printRow(summarise(label, run.samplesMs, run.elapsedMs));
  return { run, acceptedAt, cost };
}

/** Nothing waiting or running on the webhooks queue (delayed retries may stay). */
async function untilWebhooksIdle() {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const c = await boundJobs().queues.webhooks.getJobCounts('waiting', 'active');
    if (c.waiting + c.active === 0) return;
    if (performance.now() > deadline) throw new Error('the webhooks queue did not empty in 120 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The worker as production runs it: `server/src/worker.ts` in a process of its own (the API
 * and the worker are separate processes in every deployment), on the bench's database, Redis
 * and mail catcher, at the configured concurrency and delivery timeout. In the bench's own
 * process it would share the API's event loop, and the figure would be about that loop.
 */
async function startWorkerProcess(config: Config) {
  // BENCH_CPU_PROF=<dir> writes the worker's CPU profile there when it exits.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const probe = path.resolve(__dirname, 'webhooks.worker-probe.ts');
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', '--import', probe, 'server/src/worker.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      MONGODB_URI: config.MONGODB_URI,
      REDIS_URL: config.REDIS_URL,
      SMTP_URL: config.SMTP_URL,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WORKER_CONCURRENCY: String(config.WORKER_CONCURRENCY),
      WEBHOOK_TIMEOUT_MS: String(config.WEBHOOK_TIMEOUT_MS),
      WEBHOOK_RETRY_BASE_MS: String(config.WEBHOOK_RETRY_BASE_MS),
    },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // Read to the end, or a full pipe would stall the worker's logging.
    const onData = (chunk: Buffer) => {
      output = (output + String(chunk)).slice(-20_000);
      if (output.includes('Pulse worker started')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited ${code} before ready:\n${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let asked = 0;
  return {
    /** The worker's database commands so far, by name, and its CPU time. */
    probe: () =>
      new Promise<WorkerProbe>((resolve) => {
        const n = ++asked;
        const onMessage = (m: WorkerProbe & { probe: number }) => {
          if (m.probe !== n) return;
          child.off('message', onMessage);
          resolve(m);
        };
        child.on('message', onMessage);
        child.send({ probe: n });
      }),
    // SIGTERM drains: the jobs in hand finish (the hanging receiver is closed first).
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * 10. Webhooks: response submission over HTTP with no endpoint, then with three subscribed
 * endpoints for response.created (fast, 500, hanging: real local HTTP servers), one worker
 * process at the configured concurrency and the production delivery timeout; the fast
 * endpoint's delivery delay after each response was accepted; then deliveries per second
 * through that worker to a fast receiver.
 */
export async function benchWebhooks(baseUrl: string, config: Config, log: Logger) {
  configureWebhookAddresses({ allowPrivate: true });
  const arrivedAt = new Map<string, number>();
  const fast = await startReceiver((r) => {
    const id = r.json.data.responseId ?? r.headers['webhook-id'];
    if (!arrivedAt.has(String(id))) arrivedAt.set(String(id), performance.now());
    return { status: 200 };
  });
  const failing = await startReceiver(() => ({ status: 500 }));
  const hanging = await startReceiver(() => 'hang');
  const worker = await startWorkerProcess(config);
  try {
    // Each run's responses and events grow the collections the next one writes (on FerretDB/SQLite
    // a write scans its collection), so a later run is slower for that alone: the run without
    // endpoints is made before and after the one with, and the ratio is to their mean.
    const before = await measuredRun('submit, no endpoints, before (HTTP)', baseUrl, config, worker);
    const busy = await buildOrganisation();
    for (const r of [fast, failing, hanging])
      await WebhookEndpointModel.create({
        organisationId: String(busy._id),
        url: r.url,
        events: ['response.created'],
        secret: newWebhookSecret(),
      });
    const withHooks = await measuredRun(
      'submit, 3 endpoints: fast, 500, hanging (HTTP)',
      baseUrl,
      config,
      worker,
      busy,
    );
    await untilArrived(arrivedAt, COUNT);
    const delays = [...withHooks.acceptedAt].map(([id, at]) => arrivedAt.get(id)! - at);
    printRow(summarise('fast endpoint: accepted → delivered', delays, withHooks.run.elapsedMs));
    const sentToHanging = hanging.received.length;
    const sentToFailing = failing.received.length;
    // The second run without endpoints must not carry the first one's webhook work either: the
    // endpoints are switched off and their queued attempts end (the hanging ones time out).
    await WebhookEndpointModel.updateMany({ organisationId: String(busy._id) }, { $set: { enabled: false } });
    await endpointsChanged(String(busy._id));
    await untilWebhooksIdle();
    const after = await measuredRun('submit, no endpoints, after (HTTP)', baseUrl, config, worker);

    const rate = (r: { run: { elapsedMs: number } }) => COUNT / r.run.elapsedMs;
    const ratio = (rate(withHooks) / ((rate(before) + rate(after)) / 2)) * 100;
    const sorted = [...delays].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1]!;
    printNote(
      `with endpoints: ${ratio.toFixed(0)}% of the submission throughput without (mean of before and after; ` +
        `${((rate(withHooks) / rate(before)) * 100).toFixed(0)}% of before alone, ` +
        `${((rate(withHooks) / rate(after)) * 100).toFixed(0)}% of after alone; target ≥ 90%); ` +
        `fast delivery p95 ${p95.toFixed(0)} ms (target < 1000 ms); the hanging receiver was sent ` +
        `${sentToHanging} requests, the 500 one ${sentToFailing}`,
    );
    // While each run's submissions lasted; the worker's share of the webhooks' cost goes on after.
    printCosts('no endpoints, before', COUNT, 'response', before.cost);
    printCosts('3 endpoints', COUNT, 'response', withHooks.cost);
    printCosts('no endpoints, after', COUNT, 'response', after.cost);

    // Deliveries per second: messages queued straight to the fast endpoint, one worker.
    const lone = await buildOrganisation();
    const endpoint = await WebhookEndpointModel.create({
      organisationId: String(lone._id),
      url: fast.url,
      events: ['webhook.test'],
      secret: newWebhookSecret(),
    });
    const ctx = systemContext({ organisationId: String(lone._id), log });
    const throughputMeter = await meter(worker);
    const started = performance.now();
    for (let i = 0; i < THROUGHPUT_DELIVERIES; i++)
      await queueMessage(ctx, [endpoint.toObject()], {
        id: `msg_bench_${i}`,
        type: 'webhook.test',
        at: new Date(),
        data: { i },
      });
    const queuedMs = performance.now() - started;
    const deadline = started + 300_000;
    // Counted at the receiver while they flow (a count of the collection every few ms would be a
    // scan competing with the writes measured), then once in the database: recorded as delivered.
    const arrived = () => [...arrivedAt.keys()].filter((id) => id.startsWith('msg_bench_')).length;
    for (;;) {
      const done =
        arrived() < THROUGHPUT_DELIVERIES
          ? arrived()
          : await WebhookAttemptModel.countDocuments({ organisationId: String(lone._id), outcome: 'delivered' });
      if (done >= THROUGHPUT_DELIVERIES) break;
      if (performance.now() > deadline) throw new Error(`only ${done} deliveries in 300 s`);
      await new Promise((r) =>
        setTimeout(r, done < THROUGHPUT_DELIVERIES && arrived() >= THROUGHPUT_DELIVERIES ? 250 : 20),
      );
    }
    const elapsed = performance.now() - started;
    const throughputCost = await throughputMeter.stop();
    printNote(
      `${THROUGHPUT_DELIVERIES} deliveries to a fast receiver: ${((THROUGHPUT_DELIVERIES / elapsed) * 1000).toFixed(0)} ` +
        `deliveries/s per worker (concurrency ${config.WORKER_CONCURRENCY}; queueing them took ${queuedMs.toFixed(0)} ms)`,
    );
    // The queueing (one queueMessage each) is the bench's, the rest the worker's.
    printCosts('deliveries', THROUGHPUT_DELIVERIES, 'delivery', throughputCost);
  } finally {
    // Receivers first: the hanging one's open requests end, so the worker can drain.
    await Promise.all([fast.close(), failing.close(), hanging.close()]);
    await worker.close();
  }
}
