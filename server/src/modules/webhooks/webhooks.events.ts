import { WebhookEventType } from '@pulse/shared/schemas/webhooks';

import { defineSubscriber, type EventData } from '../../lib/events/events';
import { boundJobs } from '../../lib/jobs';
import { FAN_OUT_WEBHOOKS } from './fan-out-webhooks.job';

/**
 * Every event an endpoint may ask for is handed to a fan-out job on the webhooks queue (one per
 * event, its job id derived from the event): no database work here, so the event's other
 * subscribers and the response path never wait on endpoints.
 */
export const fanOutWebhooks = defineSubscriber({
  name: 'webhooks.fan-out',
  on: WebhookEventType.options.filter((t) => t !== 'webhook.test'),
  async handle(event) {
    // A rule decides whether its alerts leave Pulse.
    if (event.type === 'alert.triggered' && !(event.data as EventData).webhook) return;
    await boundJobs().enqueue(
      FAN_OUT_WEBHOOKS,
      { eventId: String(event._id), organisationId: String(event.organisationId) },
      { jobId: `webhook-fan-out-${String(event._id)}` },
    );
  },
});

export const webhookSubscribers = [fanOutWebhooks];
