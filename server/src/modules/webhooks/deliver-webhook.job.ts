import mongoose, { Types } from 'mongoose';
import { z } from 'zod';

import { boundJobs, defineJob, type JobRef } from '../../lib/jobs';
import type { Logger } from '../../lib/logger';
import { UnsafeAddressError } from './webhooks.address';
import { postWebhook, type PostOutcome } from './webhooks.http';
import { releaseLane, takeLane } from './webhooks.lanes';
import { recordDelivered, recordFailed } from './webhooks.health';
import { signedHeaders, signingSecrets } from './webhooks.sign';
import { WebhookDeliveryModel } from './webhook-delivery.model';
import { WebhookEndpointModel } from './webhook-endpoint.model';

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
export const enqueueDelivery = (p: z.input<typeof Payload>, delayMs?: number) =>
  boundJobs().enqueue(DELIVER_WEBHOOK, p, {
    jobId: `webhook-${p.deliveryId}-r${p.round ?? 0}-a${p.attempt}${p.waits ? `-w${p.waits}` : ''}`,
    delayMs,
  });

/** The wait for a busy endpoint's slot: short at first (a burst), then up to a timeout (a hang). */
const laneWaitMs = (waits: number, random = Math.random) =>
  Math.round(Math.min(tuning.timeoutMs, 100 * 2 ** waits) * (0.5 + random()));

/** A retry recorded but not queued (Redis failed right then, the job is run again): queue it now. */
async function scheduleMissedRetry({ deliveryId, organisationId, endpointId, attempt }: Payload) {
  const d = await WebhookDeliveryModel.findOne({
    _id: deliveryId,
    organisationId,
    state: 'pending',
    attempts: attempt,
  }).lean();
  if (!d?.nextAttemptAt) return;
  await enqueueDelivery(
    { deliveryId, organisationId, endpointId, attempt: attempt + 1, round: d.round },
    Math.max(0, d.nextAttemptAt.getTime() - Date.now()),
  );
}

const log = (o: PostOutcome) => ({
  lastStatus: o.status,
  lastLatencyMs: o.latencyMs,
  lastError: o.error,
  lastResponseBody: o.body,
});

/**
 * One attempt at one delivery, in one of its endpoint's few slots: when all are taken (the
 * receiver is slow or hangs) the job gives its worker slot back and comes back later, so one
 * endpoint never holds the whole queue. The attempt is claimed by a conditional update on
 * `attempts`, so a duplicate job never posts twice; a claim older than two timeouts belongs to a
 * dead worker and is taken over. 2xx delivers; 410 Gone disables the endpoint (the receiver said
 * so); anything else is retried on the schedule, honouring Retry-After, and days of nothing but
 * failures disable the endpoint (webhooks.health.ts).
 */
export const deliverWebhookJob = defineJob({
  ...DELIVER_WEBHOOK,
  payload: Payload,
  async run(payload, { log }) {
    const { deliveryId, endpointId, attempt, waits } = payload;
    const holder = `${deliveryId}:${attempt}`;
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

async function attemptDelivery(payload: Payload, logger: Logger) {
  const { deliveryId, organisationId, endpointId, attempt } = payload;
  const stale = new Date(Date.now() - 2 * tuning.timeoutMs);
  const delivery = await WebhookDeliveryModel.findOneAndUpdate(
    {
      _id: deliveryId,
      organisationId,
      state: 'pending',
      $or: [{ attempts: attempt - 1 }, { attempts: attempt, claimedAt: mongoose.trusted({ $lt: stale }) }],
    },
    { $set: { attempts: attempt, claimedAt: new Date(), nextAttemptAt: null } },
    { returnDocument: 'after' },
  ).lean();
  if (!delivery) return scheduleMissedRetry(payload);
  const where = { _id: delivery._id, organisationId, attempts: attempt };
  const endpoint = await WebhookEndpointModel.findOne({ _id: delivery.endpointId, organisationId }).lean();
  if (!endpoint?.enabled) {
    await WebhookDeliveryModel.updateOne(where, {
      $set: { state: 'failed', lastError: endpoint ? 'the endpoint is disabled' : 'the endpoint was deleted' },
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
      await WebhookDeliveryModel.updateOne(where, { $set: { state: 'failed', lastError: error } });
      return;
    }
    outcome = { status: null, latencyMs: 0, body: null, retryAfterMs: null, error };
  }
  if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
    await WebhookDeliveryModel.updateOne(where, {
      $set: { ...log(outcome), state: 'delivered', deliveredAt: new Date() },
    });
    await recordDelivered(endpoint);
    return;
  }
  if (outcome.status === 410) {
    await WebhookDeliveryModel.updateOne(where, { $set: { ...log(outcome), state: 'failed' } });
    await WebhookEndpointModel.updateOne(
      { _id: endpoint._id, organisationId },
      { $set: { enabled: false, disabledReason: 'The receiver answered 410 Gone' } },
    );
    return;
  }
  await recordFailed(endpoint, logger);
  if (attempt >= MAX_ATTEMPTS) {
    await WebhookDeliveryModel.updateOne(where, { $set: { ...log(outcome), state: 'failed' } });
    return;
  }
  const delayMs = retryDelayMs(attempt + 1, outcome.retryAfterMs);
  await WebhookDeliveryModel.updateOne(where, {
    $set: { ...log(outcome), nextAttemptAt: new Date(Date.now() + delayMs) },
  });
  await enqueueDelivery(
    { deliveryId, organisationId, endpointId, attempt: attempt + 1, round: delivery.round },
    delayMs,
  );
}
