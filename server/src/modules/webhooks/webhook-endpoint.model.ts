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
    /** `whsec_` + base64 key (Standard Webhooks); never presented after creation. */
    secret: { type: String, required: true },
    enabled: { type: Boolean, required: true, default: true },
    disabledReason: { type: String, default: null },
  },
  { timestamps: true },
);
webhookEndpointSchema.plugin(tenantScoped);

export type WebhookEndpointDoc = InferSchemaType<typeof webhookEndpointSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
};
export const WebhookEndpointModel = model('WebhookEndpoint', webhookEndpointSchema);
