import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { DigestFrequency } from '@pulse/shared/schemas/digests';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * Who receives a digest, how often, at which local hour. A teammate's own subscription has the
 * `_id` derived from (organisation, user), so there is at most one per person and organisation;
 * a recipient without an account is an address an admin added (`userId` null).
 */
const digestSubscriptionSchema = new Schema(
  {
    ...tenantOwned,
    userId: { type: Schema.Types.ObjectId, default: null },
    email: { type: String, required: true },
    frequency: { type: String, enum: DigestFrequency.options, required: true },
    hour: { type: Number, required: true, min: 0, max: 23 },
    timeZone: { type: String, required: true },
    touchpointIds: { type: [String], default: [] },
    active: { type: Boolean, default: true },
    /** Digests are due from this instant on: a new or re-timed subscription does not fire at once. */
    activeSince: { type: Date, required: true },
    lastPeriod: { type: String, default: null },
    lastSentAt: { type: Date, default: null },
    createdBy: { type: String, default: null },
  },
  { timestamps: true },
);
digestSubscriptionSchema.plugin(tenantScoped);

export type DigestSubscriptionDoc = InferSchemaType<typeof digestSubscriptionSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
};
export const DigestSubscriptionModel = model('DigestSubscription', digestSubscriptionSchema);
