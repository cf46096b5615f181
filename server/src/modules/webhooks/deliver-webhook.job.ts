import { Types } from 'mongoose';
import { z } from 'zod';

import { boundJobs, defineJob, type JobRef } from '../../lib/jobs';
import type { Logger } from '../../lib/logger';
import { findOwnedById } from '../../lib/tenant';
import { UnsafeAddressError } from './webhooks.address';
import { attemptRecorded, recordAttempt, takeJustMade, type DeliveryToSend } from './webhooks.delivery-log';
import { endpointById } from './webhooks.directory';
import { disableGone, recordDelivered, recordFailed } from './webhooks.health';
import { postWebhook, type PostOutcome } from './webhooks.http';
import { releaseLane, takeLane } from './webhooks.lanes';
import { signedHeaders, signingSecrets } from './webhooks.sign';
import { WebhookDeliveryModel, type WebhookDeliveryDoc } from './webhook-delivery.model';

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

/**
 * One attempt at one delivery, in one of its endpoint's few slots: when all are taken (the
 * receiver is slow or hangs) the job gives its worker slot back and comes back later, so one
 * endpoint never holds the whole queue. The slot is the attempt's claim (webhooks.lanes.ts), so a
 * duplicate job never posts while the attempt is in flight, and a claim left by a dead worker
 * expires with its lease. 2xx delivers; 410 Gone disables the endpoint (the receiver said so);
 * anything else is retried on the schedule, honouring Retry-After, and days of nothing but
 * failures disable the endpoint (webhooks.health.ts).
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
    let held = true;
    const release = async () => {
      if (!held) return;
      held = false;
      await releaseLane(endpointId, holder);
    };
    try {
      await attemptDelivery(payload, log, release);
    } finally {
      await release();
    }
  },
});

/**
 * The delivery this attempt is for, or null when there is nothing to do: a resend started a new
 * round, or this attempt is on record already (when it was to be retried and the retry's job
 * was never queued, because Redis failed right then, it is queued now). A first attempt made in
 * the process that made the delivery uses that copy and reads nothing.
 */
async function deliveryToAttempt(p: Payload): Promise<DeliveryToSend | null> {
  const { deliveryId, organisationId, endpointId, attempt, round } = p;
  if (attempt === 1 && round === 0) {
    const fresh = takeJustMade(deliveryId);
    if (fresh) return fresh;
  }
  const delivery = await findOwnedById<WebhookDeliveryDoc>(WebhookDeliveryModel as never, organisationId, deliveryId);
  // A delivery whose outcome is on the document itself was recorded before attempts had a log.
  if (!delivery || delivery.state !== 'pending' || delivery.round !== round) return null;
  const recorded = await attemptRecorded(organisationId, deliveryId, round, attempt);
  if (!recorded) return delivery;
  if (recorded.outcome === 'retrying' && recorded.nextAttemptAt)
    await enqueueDelivery(
      { deliveryId, organisationId, endpointId, attempt: attempt + 1, round },
      Math.max(0, recorded.nextAttemptAt.getTime() - Date.now()),
    );
  return null;
}

/**
 * Nothing in the database changes while an attempt waits on the receiver, and its outcome is one
 * insert into the delivery log, batched with the others (webhooks.delivery-log.ts). The endpoint
 * comes from this process's copy (webhooks.directory.ts). Delivery is at least once: a worker
 * that dies after posting and before the log has the outcome posts again, under the same
 * webhook-id, which receivers deduplicate on.
 */
async function attemptDelivery(payload: Payload, logger: Logger, release: () => Promise<void>) {
  const { deliveryId, organisationId, endpointId, attempt, round } = payload;
  const delivery = await deliveryToAttempt(payload);
  if (!delivery) return;
  const record = (outcome: 'delivered' | 'retrying' | 'failed', o: Partial<PostOutcome>, nextAttemptAt?: Date) =>
    recordAttempt({
      organisationId,
      deliveryId,
      endpointId,
      round,
      attempt,
      outcome,
      status: o.status ?? null,
      latencyMs: o.latencyMs ?? null,
      error: o.error ?? null,
      responseBody: o.body ?? null,
      nextAttemptAt: nextAttemptAt ?? null,
    });
  const endpoint = await endpointById(organisationId, String(delivery.endpointId));
  if (!endpoint?.enabled) {
    await record('failed', { error: endpoint ? 'the endpoint is disabled' : 'the endpoint was deleted' });
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
      await release();
      await record('failed', { error });
      return;
    }
    outcome = { status: null, latencyMs: 0, body: null, retryAfterMs: null, error };
  }
  // The slot is for talking to the receiver; the bookkeeping needs none.
  await release();
  if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
    await record('delivered', outcome);
    await recordDelivered(endpoint);
    return;
  }
  if (outcome.status === 410) {
    await record('failed', outcome);
    await disableGone(endpoint);
    return;
  }
  await recordFailed(endpoint, logger);
  if (attempt >= MAX_ATTEMPTS) {
    await record('failed', outcome);
    return;
  }
  const delayMs = retryDelayMs(attempt + 1, outcome.retryAfterMs);
  await record('retrying', outcome, new Date(Date.now() + delayMs));
  await enqueueDelivery({ deliveryId, organisationId, endpointId, attempt: attempt + 1, round }, delayMs);
}
