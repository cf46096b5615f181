import { Types } from 'mongoose';
import { z } from 'zod';

import type { WebhookEventType } from '@pulse/shared/schemas/webhooks';

import { systemContext } from '../../lib/context';
import { DomainEventModel, type DomainEvent } from '../../lib/events/event.model';
import { defineJob, type JobRef } from '../../lib/jobs';
import { findOwnedById } from '../../lib/tenant';
import { messageOf, touchpointOf } from './webhooks.messages';
import { endpointsFor, queueMessage } from './webhooks.service';

const Payload = z.object({
  eventId: z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id'),
  organisationId: z.string(),
});

export const FAN_OUT_WEBHOOKS: JobRef<z.infer<typeof Payload>> = {
  name: 'webhooks.fan-out',
  // The webhooks queue: the event's dispatch (transactional) only queues this, so alerts, cases
  // and rollups of the same event never wait for endpoints to be read and deliveries made.
  queue: 'webhooks',
  payload: Payload,
  // The event counts as settled once this is queued, so the job itself must outlast an outage of
  // the database: 16 attempts from 2 s, doubling, span about 36 hours, like a delivery's retries.
  options: { attempts: 16 },
};

/**
 * One event becomes one message for every enabled endpoint that asked for its type and, when the
 * endpoint filters by touchpoint, is about one of them: all deliveries in one insert under ids
 * derived from (endpoint, message id), all first attempts in one round trip. Run twice, the
 * insert meets duplicate keys and the attempts find their work done.
 */
export const fanOutWebhooksJob = defineJob({
  ...FAN_OUT_WEBHOOKS,
  async run({ eventId, organisationId }, { log }) {
    const event = await findOwnedById<DomainEvent>(DomainEventModel as never, organisationId, eventId);
    if (!event) return;
    const ctx = systemContext({ organisationId, log, name: 'Webhooks' });
    const type = event.type as WebhookEventType;
    const subscribed = await endpointsFor(ctx, type);
    if (!subscribed.length) return;
    const message = await messageOf(ctx, event);
    if (!message) return;
    // Read only when an endpoint filters by touchpoint: most endpoints take all of them.
    const filtering = subscribed.some((e) => e.touchpointIds?.length);
    const touchpointId = filtering ? await touchpointOf(ctx, event, message.data) : null;
    const endpoints = subscribed.filter(
      (e) =>
        !e.touchpointIds?.length ||
        touchpointId === undefined ||
        e.touchpointIds.some((id) => String(id) === touchpointId),
    );
    await queueMessage(ctx, endpoints, message);
  },
});
