import { WebhookEventType } from '@pulse/shared/schemas/webhooks';

import { systemContext } from '../../lib/context';
import { defineSubscriber, type EventData } from '../../lib/events/events';
import { subscribedEndpoints } from './webhooks.directory';
import { messageOf, touchpointOf } from './webhooks.messages';
import { queueMessage } from './webhooks.service';

/**
 * One event becomes one message for every enabled endpoint that asked for its type and, when the
 * endpoint filters by touchpoint, is about one of them: all deliveries in one insert under ids
 * derived from (endpoint, message id), all first attempts in one round trip, on the webhooks
 * queue. The endpoints come from this process's copy (webhooks.directory.ts) and the event is
 * the one the dispatch holds, so an organisation without endpoints costs one Redis GET and
 * nothing else, and one with endpoints reads only what the message says. Run twice, the insert
 * meets duplicate keys and the attempts find their work done.
 */
export const fanOutWebhooks = defineSubscriber({
  name: 'webhooks.fan-out',
  on: WebhookEventType.options.filter((t) => t !== 'webhook.test'),
  async handle(event, { log }) {
    // A rule decides whether its alerts leave Pulse.
    if (event.type === 'alert.triggered' && !(event.data as EventData).webhook) return;
    const organisationId = String(event.organisationId);
    const subscribed = await subscribedEndpoints(organisationId, event.type as WebhookEventType);
    if (!subscribed.length) return;
    const ctx = systemContext({ organisationId, log, name: 'Webhooks' });
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

export const webhookSubscribers = [fanOutWebhooks];
