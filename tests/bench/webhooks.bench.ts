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
// COUNT responses each without and with endpoints, in BLOCKS alternating blocks.
const COUNT = Number(process.env.BENCH_WEBHOOK_COUNT ?? 200);
const BLOCKS = Number(process.env.BENCH_WEBHOOK_BLOCKS ?? 10);
const PER_BLOCK = Math.round(COUNT / (BLOCKS / 2));
const IN_FLIGHT = 4;
const THROUGHPUT_DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 1_000);

/**
 * Makes `count` invitations, lets the worker settle what that caused, then submits their responses
 * over HTTP, metered (the setup is not); returns the HTTP figures, what each process spent, and
 * when each response was accepted.
 */
async function submitResponses(
  baseUrl: string,
  config: Config,
  organisationId: string,
  worker: { probe(): Promise<WorkerProbe> },
  count: number,
) {
  const survey = await buildSurvey({ org: organisationId });
  const touchpoint = await buildTouchpoint({ org: organisationId, rules: { surveyId: survey.id } });
  const contact = await buildContact({ org: organisationId });
  const invitations: Awaited<ReturnType<typeof buildInvitation>>[] = [];
  for (let i = 0; i < count; i++)
    invitations.push(
      await buildInvitation({ org: organisationId, secretKey: config.SECRET_KEY, survey, touchpoint, contact }),
    );
  await untilQuiet(organisationId);
  const m = await meter(worker);
  // An invitation's response has the invitation's id.
  const acceptedAt = new Map<string, number>();
  const run = await runBounded(count, IN_FLIGHT, async (i) => {
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

async function untilArrived(arrivedAt: Map<string, number>, ids: string[]) {
  const deadline = performance.now() + 120_000;
  const missing = () => ids.filter((id) => !arrivedAt.has(id)).length;
  while (missing() > 0) {
    if (performance.now() > deadline)
      throw new Error(`fast endpoint: ${missing()} of ${ids.length} missing after 120 s`);
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
const add = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
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
 * its event queue and every event of the bench's organisation is settled (other benches in the
 * same run may leave their own) (the webhooks queue may still hold the hanging
 * receiver's retries from an earlier run: they belong to the figure being measured).
 */
async function untilQuiet(organisationId: string) {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const c = await boundJobs().queues.transactional.getJobCounts('waiting', 'active');
    const unsettled = await DomainEventModel.countDocuments({ organisationId, settled: false });
    if (c.waiting + c.active === 0 && unsettled === 0) return;
    if (performance.now() > deadline) throw new Error('the worker did not settle the events in 120 s');
    await new Promise((r) => setTimeout(r, 100));
  }
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
 * 10. Webhooks: response submission over HTTP in alternating blocks without and with three
 * subscribed endpoints for response.created (fast, 500, hanging: real local HTTP servers), one worker
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
    // Each block's responses and events grow the collections the next one writes (on
    // FerretDB/SQLite a write scans its collection), so a later block is slower for that alone.
    // Blocks without and with endpoints alternate on one organisation, its three endpoints
    // switched on and off between them, so both see the same growth.
    const organisationId = String((await buildOrganisation())._id);
    for (const r of [fast, failing, hanging])
      await WebhookEndpointModel.create({
        organisationId,
        url: r.url,
        events: ['response.created'],
        secret: newWebhookSecret(),
        enabled: false,
      });
    const switchEndpoints = async (enabled: boolean) => {
      await WebhookEndpointModel.updateMany({ organisationId }, { $set: { enabled } });
      await endpointsChanged(organisationId);
    };
    const blocks: { hooks: boolean; elapsedMs: number; cost: Awaited<ReturnType<Meter['stop']>> }[] = [];
    const delays: number[] = [];
    let withElapsedMs = 0;
    for (let b = 0; b < BLOCKS; b++) {
      const hooks = b % 2 === 1;
      if (hooks) await switchEndpoints(true);
      const { run, acceptedAt, cost } = await submitResponses(baseUrl, config, organisationId, worker, PER_BLOCK);
      printRow(
        summarise(`block ${b + 1}: ${hooks ? '3 endpoints' : 'no endpoints'} (HTTP)`, run.samplesMs, run.elapsedMs),
      );
      blocks.push({ hooks, elapsedMs: run.elapsedMs, cost });
      if (!hooks) continue;
      withElapsedMs += run.elapsedMs;
      await untilArrived(arrivedAt, [...acceptedAt.keys()]);
      for (const [id, at] of acceptedAt) delays.push(arrivedAt.get(id)! - at);
      // The next block without endpoints must not carry this one's webhook work: the endpoints
      // are switched off and their queued attempts end (the hanging ones time out).
      await switchEndpoints(false);
      await untilWebhooksIdle();
    }

    const rate = (bs: typeof blocks) => (bs.length * PER_BLOCK * 1000) / bs.reduce((t, x) => t + x.elapsedMs, 0);
    const without = blocks.filter((x) => !x.hooks);
    const withHooks = blocks.filter((x) => x.hooks);
    // Every adjacent pair, so the block with endpoints is the later one in half of them and the
    // earlier in the other half: the drift from growing data cancels out of the median.
    const pairRatios = blocks.slice(1).map((x, i) => {
      const [w, n] = x.hooks ? [x, blocks[i]!] : [blocks[i]!, x];
      return n.elapsedMs / w.elapsedMs;
    });
    const median = [...pairRatios].sort((a, b) => a - b)[Math.floor((pairRatios.length - 1) / 2)]!;
    const sorted = [...delays].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1]!;
    printNote(
      `${BLOCKS} alternating blocks of ${PER_BLOCK} responses; per block, responses/s: ` +
        blocks
          .map((x) => `${x.hooks ? 'with' : 'without'} ${((PER_BLOCK / x.elapsedMs) * 1000).toFixed(1)}`)
          .join(', '),
    );
    printNote(
      `with endpoints ${rate(withHooks).toFixed(2)} responses/s, without ${rate(without).toFixed(2)}: ` +
        `${((rate(withHooks) / rate(without)) * 100).toFixed(0)}% (sum over their blocks); median of the ` +
        `${pairRatios.length} adjacent pairs ${(median * 100).toFixed(0)}% ` +
        `(${pairRatios.map((r) => (r * 100).toFixed(0)).join(', ')}); target ≥ 90%; ` +
        `fast delivery p95 ${p95.toFixed(0)} ms (target < 1000 ms); the hanging receiver was sent ` +
        `${hanging.received.length} requests, the 500 one ${failing.received.length}`,
    );
    printRow(summarise('fast endpoint: accepted → delivered', delays, withElapsedMs));
    // While each block's submissions lasted; the worker's share of the webhooks' cost goes on after.
    const sum = (bs: typeof blocks) =>
      bs.reduce(
        (t, x) => ({
          api: add(t.api, x.cost.api),
          worker: add(t.worker, x.cost.worker),
          cpuMs: add(t.cpuMs, x.cost.cpuMs),
        }),
        { api: {}, worker: {}, cpuMs: {} },
      );
    printCosts('no endpoints', without.length * PER_BLOCK, 'response', sum(without));
    printCosts('3 endpoints', withHooks.length * PER_BLOCK, 'response', sum(withHooks));

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
