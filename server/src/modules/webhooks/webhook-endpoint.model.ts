import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { WebhookEventType } from '@pulse/shared/schemas/webhooks';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** Where an organisation wants its events posted, and the secret they are signed with. */
const webhookEndpointSchema = new Schema(
  {
    ...tenantOwned,
    url: { type: String, required: true },
    description: { type: String, default: null },
    events: { type: [String], enum: WebhookEventType.options, required: true },
    /** Only events about these touchpoints (a response's, or a case's or alert's response's); empty = all. */
    touchpointIds: { type: [Schema.Types.ObjectId], default: [] },
    /** `whsec_` + base64 key (Standard Webhooks); never presented after creation. */
    secret: { type: String, required: true },
    /** After a rotation, the old secret still signs (beside the new one) until `previousSecretUntil`. */
    previousSecret: { type: String, default: null },
    previousSecretUntil: { type: Date, default: null },
    enabled: { type: Boolean, required: true, default: true },
    disabledReason: { type: String, default: null },
    /** The first failed attempt since the last delivered one: days of it disable the endpoint. */
    failingSince: { type: Date, default: null },
  },
  { timestamps: true },
);
webhookEndpointSchema.plugin(tenantScoped);

export type WebhookEndpointDoc = InferSchemaType<typeof webhookEndpointSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
};
export const WebhookEndpointModel = model('WebhookEndpoint', webhookEndpointSchema);
