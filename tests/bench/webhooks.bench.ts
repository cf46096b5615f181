import { spawn } from 'node:child_process';
import path from 'node:path';

import type { Config } from '../../server/src/config';
import { systemContext } from '../../server/src/lib/context';
import type { Logger } from '../../server/src/lib/logger';
import { configureWebhookAddresses } from '../../server/src/modules/webhooks/webhooks.address';
import { WebhookDeliveryModel } from '../../server/src/modules/webhooks/webhook-delivery.model';
import { WebhookEndpointModel } from '../../server/src/modules/webhooks/webhook-endpoint.model';
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

/** Submits COUNT responses over HTTP; returns the HTTP figures and when each response was accepted. */
async function submitResponses(baseUrl: string, config: Config, organisationId: string) {
  const survey = await buildSurvey({ org: organisationId });
  const touchpoint = await buildTouchpoint({ org: organisationId, rules: { surveyId: survey.id } });
  const contact = await buildContact({ org: organisationId });
  const invitations: Awaited<ReturnType<typeof buildInvitation>>[] = [];
  for (let i = 0; i < COUNT; i++)
    invitations.push(
      await buildInvitation({ org: organisationId, secretKey: config.SECRET_KEY, survey, touchpoint, contact }),
    );
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
  return { run, acceptedAt };
}

async function untilArrived(arrivedAt: Map<string, number>, count: number) {
  const deadline = performance.now() + 120_000;
  while (arrivedAt.size < count) {
    if (performance.now() > deadline) throw new Error(`fast endpoint: ${arrivedAt.size} of ${count} arrived in 120 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The worker as production runs it: `server/src/worker.ts` in a process of its own (the API
 * and the worker are separate processes in every deployment), on the bench's database, Redis
 * and mail catcher, at the configured concurrency and delivery timeout. In the bench's own
 * process it would share the API's event loop, and the figure would be about that loop.
 */
async function startWorkerProcess(config: Config) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/worker.ts'], {
    cwd: path.resolve(__dirname, '../..'),
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
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited ${code} before ready:\n${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
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
    const quiet = await buildOrganisation();
    const without = await submitResponses(baseUrl, config, String(quiet._id));
    printRow(summarise('submit, no endpoints (HTTP)', without.run.samplesMs, without.run.elapsedMs));

    const busy = await buildOrganisation();
    for (const r of [fast, failing, hanging])
      await WebhookEndpointModel.create({
        organisationId: String(busy._id),
        url: r.url,
        events: ['response.created'],
        secret: newWebhookSecret(),
      });
    const withHooks = await submitResponses(baseUrl, config, String(busy._id));
    printRow(
      summarise('submit, 3 endpoints: fast, 500, hanging (HTTP)', withHooks.run.samplesMs, withHooks.run.elapsedMs),
    );
    await untilArrived(arrivedAt, COUNT);
    const delays = [...withHooks.acceptedAt].map(([id, at]) => arrivedAt.get(id)! - at);
    printRow(summarise('fast endpoint: accepted → delivered', delays, withHooks.run.elapsedMs));
    const ratio = (COUNT / withHooks.run.elapsedMs / (COUNT / without.run.elapsedMs)) * 100;
    const sorted = [...delays].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1]!;
    printNote(
      `with endpoints: ${ratio.toFixed(0)}% of the submission throughput without (target ≥ 90%); ` +
        `fast delivery p95 ${p95.toFixed(0)} ms (target < 1000 ms); the hanging receiver was sent ` +
        `${hanging.received.length} requests, the 500 one ${failing.received.length}`,
    );

    // Deliveries per second: messages queued straight to the fast endpoint, one worker.
    const lone = await buildOrganisation();
    const endpoint = await WebhookEndpointModel.create({
      organisationId: String(lone._id),
      url: fast.url,
      events: ['webhook.test'],
      secret: newWebhookSecret(),
    });
    const ctx = systemContext({ organisationId: String(lone._id), log });
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
          : await WebhookDeliveryModel.countDocuments({ organisationId: String(lone._id), state: 'delivered' });
      if (done >= THROUGHPUT_DELIVERIES) break;
      if (performance.now() > deadline) throw new Error(`only ${done} deliveries in 300 s`);
      await new Promise((r) =>
        setTimeout(r, done < THROUGHPUT_DELIVERIES && arrived() >= THROUGHPUT_DELIVERIES ? 250 : 20),
      );
    }
    const elapsed = performance.now() - started;
    printNote(
      `${THROUGHPUT_DELIVERIES} deliveries to a fast receiver: ${((THROUGHPUT_DELIVERIES / elapsed) * 1000).toFixed(0)} ` +
        `deliveries/s per worker (concurrency ${config.WORKER_CONCURRENCY}; queueing them took ${queuedMs.toFixed(0)} ms)`,
    );
  } finally {
    // Receivers first: the hanging one's open requests end, so the worker can drain.
    await Promise.all([fast.close(), failing.close(), hanging.close()]);
    await worker.close();
  }
}
