import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { WebhookDeliveryState, WebhookEventType } from '@pulse/shared/schemas/webhooks';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * One message to one endpoint. The _id is derived from (endpoint, message id) and the message id
 * from what happened (the response and its seq, the case, the firing), so a redelivered event
 * never makes a second delivery. The body is fixed when the message is made: every retry sends
 * the same bytes under the same webhook-id, as the receiver's deduplication expects.
 */
const webhookDeliverySchema = new Schema(
  {
    ...tenantOwned,
    endpointId: { type: Schema.Types.ObjectId, required: true },
    messageId: { type: String, required: true },
    eventType: { type: String, enum: WebhookEventType.options, required: true },
    body: { type: String, required: true },
    state: { type: String, enum: WebhookDeliveryState.options, required: true, default: 'pending' },
    attempts: { type: Number, required: true, default: 0 },
    /** How many times a person resent it: each round of attempts queues jobs of its own. */
    round: { type: Number, required: true, default: 0 },
    lastStatus: { type: Number, default: null },
    lastLatencyMs: { type: Number, default: null },
    lastError: { type: String, default: null },
    lastResponseBody: { type: String, default: null },
    nextAttemptAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
  },
  { timestamps: true },
);
webhookDeliverySchema.index({ organisationId: 1, endpointId: 1, _id: -1 });
webhookDeliverySchema.plugin(tenantScoped);

export type WebhookDeliveryDoc = InferSchemaType<typeof webhookDeliverySchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
};
export const WebhookDeliveryModel = model('WebhookDelivery', webhookDeliverySchema);
