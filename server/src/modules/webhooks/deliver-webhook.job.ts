import { Types } from 'mongoose';
import { z } from 'zod';

import { boundJobs, defineJob, type JobRef } from '../../lib/jobs';
import type { Logger } from '../../lib/logger';
import { findOwnedById } from '../../lib/tenant';
import { UnsafeAddressError } from './webhooks.address';
import { postWebhook, type PostOutcome } from './webhooks.http';
import { releaseLane, takeLane } from './webhooks.lanes';
import { recordDelivered, recordFailed } from './webhooks.health';
import { signedHeaders, signingSecrets } from './webhooks.sign';
import { WebhookDeliveryModel, type WebhookDeliveryDoc } from './webhook-delivery.model';
import { WebhookEndpointModel, type WebhookEndpointDoc } from './webhook-endpoint.model';

const Id = z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id');
const Payload = z.object({
  deliveryId: Id,
  organisationId: z.string(),
  endpointId: Id,
  /** The attempt this job makes (1-based): a job for an attempt already made does nothing. */
  attempt: z.number().int().min(1),
  /** How many times a person resent it: each round of attempts queues jobs of its own. */
  round: z.number().int().min(0).default(0),
  /** How often this attempt already waited for a free slot of its endpoint. */
  waits: z.number().int().min(0).default(0),
});
type Payload = z.infer<typeof Payload>;

/**
 * The Standard Webhooks schedule after the first attempt (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h: about a day), scaled so tests can run it in seconds.
 */
const SCHEDULE = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

let tuning = { retryBaseMs: 5_000, timeoutMs: 10_000 };

export function configureWebhookDelivery(opts: { retryBaseMs: number; timeoutMs: number }) {
  tuning = { ...opts };
}

/** The wait before attempt `next` (2-based), ±20 % jitter so failed receivers are not stampeded. */
export function retryDelayMs(next: number, retryAfterMs: number | null, random = Math.random): number {
  const scheduled = SCHEDULE[next - 2]! * (tuning.retryBaseMs / SCHEDULE[0]!);
  const jittered = Math.round(scheduled * (0.8 + 0.4 * random()));
  return retryAfterMs === null ? jittered : Math.min(Math.max(retryAfterMs, jittered), MAX_RETRY_AFTER_MS);
}

export const MAX_ATTEMPTS = SCHEDULE.length + 1;

export const DELIVER_WEBHOOK: JobRef<z.input<typeof Payload>> = {
  name: 'webhooks.deliver',
  // Their own queue: a burst of deliveries never delays a password-reset mail or a campaign.
  queue: 'webhooks',
  payload: Payload,
  // Our own retry schedule lives on the delivery; BullMQ's attempts cover a database hiccup.
  options: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
};

/** `round` counts resends and `waits` the waits for a slot: each has job ids of its own. */
const jobIdOf = (p: z.input<typeof Payload>) =>
  `webhook-${p.deliveryId}-r${p.round ?? 0}-a${p.attempt}${p.waits ? `-w${p.waits}` : ''}`;

export const enqueueDelivery = (p: z.input<typeof Payload>, delayMs?: number) =>
  boundJobs().enqueue(DELIVER_WEBHOOK, p, { jobId: jobIdOf(p), delayMs });

/** First attempts of many deliveries in one round trip (a message's endpoints, a fan-out). */
export const enqueueDeliveries = (ps: Array<z.input<typeof Payload>>) =>
  boundJobs().enqueueMany(
    DELIVER_WEBHOOK,
    ps.map((payload) => ({ payload, jobId: jobIdOf(payload) })),
  );

/** The wait for a busy endpoint's slot: short at first (a burst), then up to a timeout (a hang). */
const laneWaitMs = (waits: number, random = Math.random) =>
  Math.round(Math.min(tuning.timeoutMs, 100 * 2 ** waits) * (0.5 + random()));

const log = (o: PostOutcome) => ({
  lastStatus: o.status,
  lastLatencyMs: o.latencyMs,
  lastError: o.error,
  lastResponseBody: o.body,
});

/**
 * One attempt at one delivery, in one of its endpoint's few slots: when all are taken (the
 * receiver is slow or hangs) the job gives its worker slot back and comes back later, so one
 * endpoint never holds the whole queue. The slot is the attempt's claim (webhooks.lanes.ts), so a
 * duplicate job never posts twice, and a claim left by a dead worker expires with its lease.
 * 2xx delivers; 410 Gone disables the endpoint (the receiver said so); anything else is retried
 * on the schedule, honouring Retry-After, and days of nothing but failures disable the endpoint
 * (webhooks.health.ts).
 */
export const deliverWebhookJob = defineJob({
  ...DELIVER_WEBHOOK,
  payload: Payload,
  async run(payload, { log }) {
    const { deliveryId, endpointId, attempt, round, waits } = payload;
    const holder = `${deliveryId}:r${round}:a${attempt}`;
    if (!(await takeLane(endpointId, holder, 3 * tuning.timeoutMs))) {
      await enqueueDelivery({ ...payload, waits: waits + 1 }, laneWaitMs(waits));
      return;
    }
    try {
      await attemptDelivery(payload, log);
    } finally {
      await releaseLane(endpointId, holder);
    }
  },
});

/**
 * Writes by `_id` alone: FerretDB/SQLite pushes down only that filter, anything more scans the
 * collection. The delivery was read by `_id` and its organisation checked, and the slot held
 * for this attempt means nobody else writes it meanwhile.
 */
const writeDelivery = (id: Types.ObjectId, set: Record<string, unknown>) =>
  WebhookDeliveryModel.updateOne({ _id: id }, { $set: { nextAttemptAt: null, ...set } }).setOptions({
    crossTenant: true,
  });

async function attemptDelivery(payload: Payload, logger: Logger) {
  const { deliveryId, organisationId, endpointId, attempt, round } = payload;
  const delivery = await findOwnedById<WebhookDeliveryDoc>(WebhookDeliveryModel as never, organisationId, deliveryId);
  if (!delivery || delivery.state !== 'pending' || delivery.round !== round) return;
  if (delivery.attempts === attempt && delivery.nextAttemptAt) {
    // This attempt's retry was recorded but not queued (Redis failed right then): queue it now.
    await enqueueDelivery(
      { deliveryId, organisationId, endpointId, attempt: attempt + 1, round },
      Math.max(0, delivery.nextAttemptAt.getTime() - Date.now()),
    );
    return;
  }
  if (delivery.attempts !== attempt - 1) return;
  const endpoint = await findOwnedById<WebhookEndpointDoc>(
    WebhookEndpointModel as never,
    organisationId,
    String(delivery.endpointId),
  );
  if (!endpoint?.enabled) {
    await writeDelivery(delivery._id, {
      attempts: attempt,
      state: 'failed',
      lastError: endpoint ? 'the endpoint is disabled' : 'the endpoint was deleted',
    });
    return;
  }
  let outcome: PostOutcome;
  try {
    outcome = await postWebhook(
      endpoint.url,
      signedHeaders(signingSecrets(endpoint), delivery.messageId, delivery.body),
      delivery.body,
      tuning.timeoutMs,
    );
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    if (err instanceof UnsafeAddressError) {
      await writeDelivery(delivery._id, { attempts: attempt, state: 'failed', lastError: error });
      return;
    }
    outcome = { status: null, latencyMs: 0, body: null, retryAfterMs: null, error };
  }
  if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
    await writeDelivery(delivery._id, {
      ...log(outcome),
      attempts: attempt,
      state: 'delivered',
      deliveredAt: new Date(),
    });
    await recordDelivered(endpoint);
    return;
  }
  if (outcome.status === 410) {
    await writeDelivery(delivery._id, { ...log(outcome), attempts: attempt, state: 'failed' });
    await WebhookEndpointModel.updateOne(
      { _id: endpoint._id, organisationId },
      { $set: { enabled: false, disabledReason: 'The receiver answered 410 Gone' } },
    );
    return;
  }
  await recordFailed(endpoint, logger);
  if (attempt >= MAX_ATTEMPTS) {
    await writeDelivery(delivery._id, { ...log(outcome), attempts: attempt, state: 'failed' });
    return;
  }
  const delayMs = retryDelayMs(attempt + 1, outcome.retryAfterMs);
  await writeDelivery(delivery._id, {
    ...log(outcome),
    attempts: attempt,
    nextAttemptAt: new Date(Date.now() + delayMs),
  });
  await enqueueDelivery({ deliveryId, organisationId, endpointId, attempt: attempt + 1, round }, delayMs);
}
