import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * One attempt at one delivery: the delivery log is written by inserts only (on FerretDB/SQLite
 * an insert costs a hundredth of an update, which scans the collection). The _id is derived from
 * (delivery, round, attempt), so an attempt recorded twice is one document. A delivery's state is
 * its current round's latest attempt (webhooks.delivery-log.ts).
 */
const webhookAttemptSchema = new Schema({
  ...tenantOwned,
  deliveryId: { type: Schema.Types.ObjectId, required: true },
  endpointId: { type: Schema.Types.ObjectId, required: true },
  round: { type: Number, required: true },
  attempt: { type: Number, required: true },
  /** delivered and failed are final; retrying has its next attempt at `nextAttemptAt`. */
  outcome: { type: String, enum: ['delivered', 'retrying', 'failed'], required: true },
  at: { type: Date, required: true },
  status: { type: Number, default: null },
  latencyMs: { type: Number, default: null },
  error: { type: String, default: null },
  responseBody: { type: String, default: null },
  nextAttemptAt: { type: Date, default: null },
});
webhookAttemptSchema.index({ organisationId: 1, deliveryId: 1 });
webhookAttemptSchema.plugin(tenantScoped);

export type WebhookAttemptDoc = InferSchemaType<typeof webhookAttemptSchema> & { _id: Types.ObjectId };
export const WebhookAttemptModel = model('WebhookAttempt', webhookAttemptSchema);
