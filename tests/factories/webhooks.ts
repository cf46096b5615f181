import { Types } from 'mongoose';

import { WebhookDeliveryModel } from '../../server/src/modules/webhooks/webhook-delivery.model';
import { WebhookEndpointModel } from '../../server/src/modules/webhooks/webhook-endpoint.model';
import { newWebhookSecret } from '../../server/src/modules/webhooks/webhooks.sign';

/**
 * An endpoint with one delivered message, written straight to the database (the API checks the
 * address resolves publicly, which a test machine without DNS cannot satisfy).
 */
export async function buildWebhookEndpoint(opts: { org: string | { organisationId: string } }) {
  const organisationId = typeof opts.org === 'string' ? opts.org : opts.org.organisationId;
  const endpoint = await WebhookEndpointModel.create({
    organisationId,
    url: 'https://hooks.example.com/pulse',
    events: ['response.completed'],
    secret: newWebhookSecret(),
  });
  const delivery = await WebhookDeliveryModel.create({
    organisationId,
    endpointId: endpoint._id,
    messageId: `msg_${new Types.ObjectId().toHexString()}`,
    eventType: 'response.completed',
    body: '{}',
    state: 'delivered',
    attempts: 1,
    deliveredAt: new Date(),
  });
  return { endpointId: String(endpoint._id), deliveryId: String(delivery._id) };
}
