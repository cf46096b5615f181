import { randomUUID } from 'node:crypto';

import mongoose from 'mongoose';
import type { z } from 'zod';

import type {
  CreateWebhookEndpointBody,
  UpdateWebhookEndpointBody,
  WebhookEventType,
} from '@pulse/shared/schemas/webhooks';

import type { Ctx } from '../../lib/context';
import { derivedId } from '../../lib/derived-id';
import { AppError, notFound } from '../../lib/errors';
import { listTouchpoints } from '../touchpoints/touchpoints.service';
import { enqueueDeliveries, enqueueDelivery } from './deliver-webhook.job';
import { assertSafeUrl } from './webhooks.address';
import { onlyDuplicates, rememberJustMade, withOutcomes } from './webhooks.delivery-log';
import { endpointsChanged } from './webhooks.directory';
import { newWebhookSecret, ROTATION_GRACE_MS, signingSecrets } from './webhooks.sign';
import { WebhookDeliveryModel, type WebhookDeliveryDoc } from './webhook-delivery.model';
import { WebhookEndpointModel, type WebhookEndpointDoc } from './webhook-endpoint.model';

/** Each touchpoint of a filter must be one of the organisation's (a stranger's id is a 400, not a leak). */
async function assertOwnTouchpoints(ctx: Ctx, touchpointIds: string[] | undefined) {
  if (!touchpointIds?.length) return;
  const own = new Set((await listTouchpoints(ctx)).map((t) => String(t._id)));
  const unknown = touchpointIds.flatMap((id, i) =>
    own.has(id) ? [] : [{ path: `body.touchpointIds.${i}`, message: 'is not a touchpoint of this organisation' }],
  );
  if (unknown.length) throw new AppError('validation_failed', 'Unknown touchpoint', unknown);
}

/** The endpoint and its secret: the only time the secret leaves the server. */
export async function createEndpoint(ctx: Ctx, input: z.output<typeof CreateWebhookEndpointBody>) {
  await assertSafeUrl(input.url);
  await assertOwnTouchpoints(ctx, input.touchpointIds);
  const secret = newWebhookSecret();
  const doc = await WebhookEndpointModel.create({ ...input, organisationId: ctx.organisationId, secret });
  await endpointsChanged(ctx.organisationId);
  return { endpoint: doc.toObject() as WebhookEndpointDoc, secret };
}

export const listEndpoints = (ctx: Ctx) =>
  WebhookEndpointModel.find({ organisationId: ctx.organisationId }).sort({ _id: 1 }).lean<WebhookEndpointDoc[]>();

export async function getEndpoint(ctx: Ctx, endpointId: string) {
  const doc = await WebhookEndpointModel.findOne({
    _id: endpointId,
    organisationId: ctx.organisationId,
  }).lean<WebhookEndpointDoc>();
  if (!doc) throw notFound('Webhook endpoint');
  return doc;
}

export async function updateEndpoint(ctx: Ctx, endpointId: string, input: z.output<typeof UpdateWebhookEndpointBody>) {
  if (input.url) await assertSafeUrl(input.url);
  await assertOwnTouchpoints(ctx, input.touchpointIds);
  const doc = await WebhookEndpointModel.findOneAndUpdate(
    { _id: endpointId, organisationId: ctx.organisationId },
    { $set: { ...input, ...(input.enabled && { disabledReason: null, failingSince: null }) } },
    { returnDocument: 'after' },
  ).lean<WebhookEndpointDoc>();
  if (!doc) throw notFound('Webhook endpoint');
  await endpointsChanged(ctx.organisationId);
  return doc;
}

/**
 * A new secret, shown this once. The old one keeps signing beside it for the grace period (a
 * second rotation within it drops the oldest), so receivers move over without a failed message.
 */
export async function rotateSecret(ctx: Ctx, endpointId: string, now = new Date()) {
  const current = await getEndpoint(ctx, endpointId);
  const secret = newWebhookSecret();
  const doc = await WebhookEndpointModel.findOneAndUpdate(
    { _id: endpointId, organisationId: ctx.organisationId },
    {
      $set: {
        secret,
        previousSecret: signingSecrets(current, now)[0],
        previousSecretUntil: new Date(now.getTime() + ROTATION_GRACE_MS),
      },
    },
    { returnDocument: 'after' },
  ).lean<WebhookEndpointDoc>();
  if (!doc) throw notFound('Webhook endpoint');
  await endpointsChanged(ctx.organisationId);
  return { endpoint: doc, secret };
}

export async function deleteEndpoint(ctx: Ctx, endpointId: string) {
  const { deletedCount } = await WebhookEndpointModel.deleteOne({
    _id: endpointId,
    organisationId: ctx.organisationId,
  });
  if (!deletedCount) throw notFound('Webhook endpoint');
  await endpointsChanged(ctx.organisationId);
}

/**
 * Makes the message for each endpoint in one insert and queues the first attempts in one round
 * trip. Idempotent per (endpoint, message id): a delivery made before is a duplicate key, and its
 * first attempt queued again finds it attempted (or BullMQ still knows the job) and does nothing.
 */
export async function queueMessage(
  ctx: Pick<Ctx, 'organisationId'>,
  endpoints: Array<Pick<WebhookEndpointDoc, '_id'>>,
  message: { id: string; type: WebhookEventType; at: Date; data: Record<string, unknown> },
) {
  if (!endpoints.length) return;
  const body = JSON.stringify({ type: message.type, timestamp: message.at.toISOString(), data: message.data });
  const docs = endpoints.map((endpoint) => ({
    _id: derivedId('webhook', String(endpoint._id), message.id),
    organisationId: ctx.organisationId,
    endpointId: endpoint._id,
    messageId: message.id,
    eventType: message.type,
    body,
  }));
  const made = await WebhookDeliveryModel.insertMany(docs, { ordered: false }).then(
    () => true,
    (err: unknown) => {
      if (!onlyDuplicates(err)) throw err;
      return false;
    },
  );
  // Made here just now (no earlier run made any of them): their first attempts need not read them.
  if (made) for (const d of docs) rememberJustMade(String(d._id), d);
  await enqueueDeliveries(
    docs.map((d) => ({
      deliveryId: String(d._id),
      organisationId: ctx.organisationId,
      endpointId: String(d.endpointId),
      attempt: 1,
    })),
  );
}

/** A `webhook.test` message to one endpoint, whatever events it chose. */
export async function sendTestMessage(ctx: Ctx, endpointId: string) {
  const endpoint = await getEndpoint(ctx, endpointId);
  const id = `msg_${randomUUID().replace(/-/g, '')}`;
  await queueMessage(ctx, [endpoint], { id, type: 'webhook.test', at: new Date(), data: { endpointId } });
  return id;
}

export async function listDeliveries(ctx: Ctx, endpointId: string) {
  await getEndpoint(ctx, endpointId);
  const deliveries = await WebhookDeliveryModel.find({ organisationId: ctx.organisationId, endpointId })
    .sort({ _id: -1 })
    .limit(100)
    .lean<WebhookDeliveryDoc[]>();
  return withOutcomes(ctx.organisationId, deliveries);
}

/**
 * "Recover since…": every failed delivery of the endpoint made since `since`, sent again, oldest
 * first (receivers that apply events in order see them in order).
 */
export async function recoverSince(ctx: Ctx, endpointId: string, since: Date) {
  await getEndpoint(ctx, endpointId);
  const made = await WebhookDeliveryModel.find({
    organisationId: ctx.organisationId,
    endpointId,
    createdAt: mongoose.trusted({ $gte: since }),
  })
    .sort({ _id: 1 })
    .lean<WebhookDeliveryDoc[]>();
  const failed = (await withOutcomes(ctx.organisationId, made)).filter((d) => d.state === 'failed');
  for (const d of failed) await resend(ctx, d);
  return failed.length;
}

/** Sends a delivered or failed delivery again, as a fresh round of attempts with the same message id and body. */
export async function resendDelivery(ctx: Ctx, endpointId: string, deliveryId: string) {
  const doc = await WebhookDeliveryModel.findOne({
    _id: deliveryId,
    organisationId: ctx.organisationId,
    endpointId,
  }).lean<WebhookDeliveryDoc>();
  if (!doc) throw notFound('Webhook delivery');
  const [delivery] = await withOutcomes(ctx.organisationId, [doc]);
  return delivery!.state === 'pending' ? delivery! : resend(ctx, delivery!);
}

/**
 * The next round, claimed by the round it follows: of two resends at once one moves it and
 * queues the attempts. (The state fields are reset for deliveries that carry their outcome
 * themselves, from before attempts had a log of their own.)
 */
async function resend(ctx: Ctx, d: WebhookDeliveryDoc) {
  const next = await WebhookDeliveryModel.findOneAndUpdate(
    { _id: d._id, organisationId: ctx.organisationId, round: d.round },
    { $set: { state: 'pending', attempts: 0, nextAttemptAt: null }, $inc: { round: 1 } },
    { returnDocument: 'after' },
  ).lean<WebhookDeliveryDoc>();
  if (!next) return d;
  await enqueueDelivery({
    deliveryId: String(d._id),
    organisationId: ctx.organisationId,
    endpointId: String(d.endpointId),
    attempt: 1,
    round: next.round,
  });
  return next;
}

/** For other modules posting to URLs people give (the alerts' chat channel): the same SSRF guard. */
export { assertSafeUrl, UnsafeAddressError } from './webhooks.address';
export { postWebhook } from './webhooks.http';
